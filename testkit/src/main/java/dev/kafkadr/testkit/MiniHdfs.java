package dev.kafkadr.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS (one NameNode, one DataNode) running in this JVM through Hadoop's {@link MiniDFSCluster}.
 * Start once per test class. Thread-safe; close exactly once.
 */
public final class MiniHdfs implements AutoCloseable {

    private final MiniDFSCluster cluster;

    private MiniHdfs(MiniDFSCluster cluster) {
        this.cluster = cluster;
    }

    /** Starts a cluster whose data lives under {@code baseDir}. */
    public static MiniHdfs start(Path baseDir) {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toAbsolutePath().toString());
        conf.set("dfs.client.block.write.replace-datanode-on-failure.policy", "NEVER");
        conf.setInt("dfs.replication", 1);
        try {
            MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
            cluster.waitActive();
            return new MiniHdfs(cluster);
        } catch (IOException e) {
            throw new IllegalStateException("could not start MiniDFSCluster under " + baseDir, e);
        }
    }

    /** hdfs://127.0.0.1:PORT */
    public URI uri() {
        return cluster.getURI();
    }

    /** A copy of the client configuration that talks to this cluster. */
    public Configuration configuration() {
        return new Configuration(cluster.getConfiguration(0));
    }

    @Override
    public void close() {
        cluster.shutdown(true);
    }
}
