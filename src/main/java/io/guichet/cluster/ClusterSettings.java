package io.guichet.cluster;

import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Arrays;
import java.util.List;

/**
 * The nodes of one Guichet cluster, as the cluster flag lists them ({@code host:port,host:port}), and this node's
 * own address among them ({@code host}, {@code port}). The nodes find each other through this list only, over
 * TCP: no multicast, no discovery in a cloud, no phone-home, so that nothing leaves the addresses given.
 */
public record ClusterSettings(List<String> members, String host, int port) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5701;
    /** What every node shares; another cluster's nodes on the same addresses are not let in. */
    static final String CLUSTER_NAME = "guichet";

    /** The member list: {@code host:port} items separated by commas; a clear message for anything else. */
    public static List<String> members(String value) {
        List<String> members = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (members.isEmpty()) {
            throw new IllegalArgumentException("the cluster is a list of host:port, separated by commas");
        }
        for (String member : members) {
            int colon = member.lastIndexOf(':');
            if (colon <= 0 || !member.substring(colon + 1).matches("\\d{1,5}")
                    || Integer.parseInt(member.substring(colon + 1)) > 65535) {
                throw new IllegalArgumentException("a cluster member is a host and a port, like 10.0.0.2:5701, not '"
                        + member + "'");
            }
        }
        return members;
    }

    /** Starts a clustered Vert.x, a Hazelcast member at this node's address, which joins the listed members. */
    public Future<Vertx> start(VertxOptions options) {
        com.hazelcast.config.Config hazelcast = ConfigUtil.loadConfig();
        hazelcast.setClusterName(CLUSTER_NAME);
        hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
        hazelcast.setProperty("hazelcast.logging.type", "slf4j");
        // Binds to this address only, rather than to every interface it finds.
        hazelcast.setProperty("hazelcast.local.localAddress", host);
        NetworkConfig network = hazelcast.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members);
        options.getEventBusOptions().setHost(host);
        return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(hazelcast))
                .buildClustered();
    }
}
