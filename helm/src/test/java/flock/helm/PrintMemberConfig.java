package flock.helm;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import flock.gridnode.MemberConfig;
import flock.gridnode.MemberSettings;

/**
 * Loads the member configuration exactly as a member of the chart's StatefulSet would (its environment, its mounted
 * hazelcast.yaml, {@link MemberConfig#load}) and prints what the chart test checks, a fact a line. Run in a JVM of
 * its own by {@link RenderedMemberConfigTest}, since only a new process can have the pod's environment.
 */
public final class PrintMemberConfig {
    private PrintMemberConfig() {}

    public static void main(String[] args) {
        Config config = MemberConfig.load(MemberSettings.fromEnvironment());
        JoinConfig join = config.getNetworkConfig().getJoin();
        System.out.println("cluster-name=" + config.getClusterName());
        System.out.println("port=" + config.getNetworkConfig().getPort());
        System.out.println(
                "interfaces=" + config.getNetworkConfig().getInterfaces().getInterfaces());
        System.out.println("tcp-ip.enabled=" + join.getTcpIpConfig().isEnabled());
        System.out.println("kubernetes.enabled=" + join.getKubernetesConfig().isEnabled());
        System.out.println(
                "kubernetes.service-dns=" + join.getKubernetesConfig().getProperty("service-dns"));
        System.out.println("maps="
                + String.join(
                        ",", new java.util.TreeSet<>(config.getMapConfigs().keySet())));
        System.out.println("tweets.write-batch-size="
                + config.getMapConfig("tweets").getMapStoreConfig().getWriteBatchSize());
    }
}
