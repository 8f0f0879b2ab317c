package dev.kafkadr.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS (one NameNode, one DataNode) running in this JVM through Hadoop's {@link MiniDFSCluster}.
 * Start once per test class; a test can stop and restart the DataNode. Thread-safe; close exactly once.
 */
public final class MiniHdfs implements AutoCloseable {

    private final MiniDFSCluster cluster;
    private MiniDFSCluster.DataNodeProperties stoppedDataNode;

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

    /** Stops the only DataNode (its blocks stay on disk); the NameNode keeps running and still lists it for a while. */
    public synchronized void stopDataNode() {
        if (stoppedDataNode != null) {
            throw new IllegalStateException("the DataNode is already stopped");
        }
        stoppedDataNode = cluster.stopDataNode(0);
    }

    /** Starts the DataNode stopped by {@link #stopDataNode()} again on the same port and waits until it is active. */
    public synchronized void restartDataNode() {
        if (stoppedDataNode == null) {
            throw new IllegalStateException("no DataNode was stopped");
        }
        try {
            cluster.restartDataNode(stoppedDataNode, true);
            stoppedDataNode = null;
            cluster.waitActive();
        } catch (IOException e) {
            throw new IllegalStateException("could not restart the DataNode", e);
        }
    }

    @Override
    public void close() {
        cluster.shutdown(true);
    }
}
