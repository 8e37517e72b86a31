package flock.image;

/**
 * What one image runs: a grid member or an API node, chosen by the java @argfile the container starts with
 * ({@code java @/opt/flock/member.args}), which names the role's classpath and main class.
 */
enum Role {
    MEMBER("grid-node", "flock.gridnode.GridNode", "member.args"),
    API("api-node", "flock.apinode.Main", "api.args");

    /** The Maven module whose jar and runtime dependencies the role runs. */
    final String module;

    final String mainClass;

    /** The @argfile under {@link ImageBuilder#HOME} that starts the role. */
    final String argsFile;

    Role(String module, String mainClass, String argsFile) {
        this.module = module;
        this.mainClass = mainClass;
        this.argsFile = argsFile;
    }
}
