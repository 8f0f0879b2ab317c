package dev.kafkadr.archive.store.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.store.StoreException;
import dev.kafkadr.archive.store.StoreUnavailableException;
import java.net.URI;
import org.apache.hadoop.ipc.RemoteException;
import org.junit.jupiter.api.Test;

class HdfsErrorsTest {

    @Test
    void a_remote_exception_keeps_its_first_line_and_drops_the_namenode_stack_trace() {
        RemoteException e = new RemoteException("java.io.IOException", "File /kdr/.kdr-tmp/x.tmp could only be"
                + " written to 0 of the 1 minReplication nodes. There are 1 datanode(s) running and 1 node(s) are"
                + " excluded in this operation.\n\tat org.apache.hadoop.hdfs.server.blockmanagement.BlockManager"
                + ".chooseTarget4NewBlock(BlockManager.java:2350)\n\tat org.apache.hadoop.ipc.Server.run");

        StoreException s = new HdfsErrors(URI.create("hdfs://nn:8020/kdr")).translate("a/b.kseg", "could not commit",
                e);

        assertThat(s).isInstanceOf(StoreUnavailableException.class);
        assertThat(s.getMessage()).contains("a/b.kseg").endsWith("could not commit: RemoteException: File"
                + " /kdr/.kdr-tmp/x.tmp could only be written to 0 of the 1 minReplication nodes. There are 1"
                + " datanode(s) running and 1 node(s) are excluded in this operation.")
                .doesNotContain("BlockManager");
    }
}
