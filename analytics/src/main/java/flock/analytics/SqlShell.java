package flock.analytics;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.sql.HazelcastSqlException;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code ./flock sql}: read-only SQL over the live grid for analysts. With a query it prints the result as a table
 * (or CSV with {@code --csv}) and exits; without one it opens a prompt that runs each statement ending in ';'. Only
 * SELECT, SHOW and EXPLAIN run: analysts read, they do not write, and a refused statement says so. {@code --examples}
 * lists the {@link ExampleQueries}, {@code --example NAME} runs one.
 */
public final class SqlShell {
    /** The rows printed at most; a larger result says how many it left out. */
    static final int MAX_ROWS = 10_000;

    private static final Pattern READ_ONLY = Pattern.compile("(?is)^\\s*(SELECT|SHOW|EXPLAIN)\\b.*");

    private final HazelcastInstance grid;
    private final PrintStream out;
    private final boolean csv;

    SqlShell(HazelcastInstance grid, PrintStream out, boolean csv) {
        this.grid = grid;
        this.out = out;
        this.csv = csv;
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("flock sql: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.listExamples()) {
            ExampleQueries.ALL.forEach(example -> System.out.printf(
                    "%-18s %s%s%n%18s %s;%n",
                    example.name(),
                    example.title(),
                    example.window() == 0 ? "" : " (? is now less " + example.window() / 3_600_000 + " h, in epoch ms)",
                    "",
                    example.sql()));
            return;
        }
        Object[] parameters = {};
        List<String> words = options.words();
        if (options.example().isPresent()) {
            String name = options.example().get();
            var example = ExampleQueries.named(name);
            if (example.isEmpty()) {
                System.err.println("flock sql: no example named '" + name + "'; ./flock sql --examples lists them");
                System.exit(2);
            }
            words = List.of(example.get().sql());
            parameters = example.get().parameters(System.currentTimeMillis());
        }
        boolean csv = options.csv();
        String query = String.join(" ", words).strip();
        HazelcastInstance grid = HazelcastClient.newHazelcastClient(clientConfig());
        try {
            SqlShell shell = new SqlShell(grid, System.out, csv);
            int status = query.isEmpty() ? shell.prompt(System.in) : shell.run(query, parameters);
            System.exit(status);
        } finally {
            grid.shutdown();
        }
    }

    /**
     * Runs one statement and prints its result; answers the exit status: 0, 2 for a statement refused, 1 for one the
     * grid could not run (the message says why).
     */
    int run(String statement, Object... parameters) {
        String sql = statement.strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        if (!READ_ONLY.matcher(sql).matches() || sql.contains(";")) {
            out.println("flock sql: refused: only one SELECT, SHOW or EXPLAIN statement at a time runs here;"
                    + " analysts read the live data, they do not change it");
            return 2;
        }
        try (SqlResult result = grid.getSql().execute(sql, parameters)) {
            print(result);
            return 0;
        } catch (HazelcastSqlException e) {
            out.println("flock sql: " + e.getMessage());
            return 1;
        }
    }

    /** Reads statements ending in ';' until 'quit' or the end of the input. */
    int prompt(java.io.InputStream input) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        StringBuilder statement = new StringBuilder();
        out.println("Flock SQL over the live grid: SELECT, SHOW MAPPINGS, EXPLAIN; end each with ';', quit to leave.");
        out.print("flock> ");
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (statement.isEmpty() && line.strip().equalsIgnoreCase("quit")) {
                return 0;
            }
            statement.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                run(statement.toString());
                statement.setLength(0);
            }
            out.print(statement.isEmpty() ? "flock> " : "   ... ");
        }
        out.println();
        return 0;
    }

    private void print(SqlResult result) {
        if (!result.isRowSet()) {
            out.println("(" + result.updateCount() + ")");
            return;
        }
        int columns = result.getRowMetadata().getColumnCount();
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[columns];
        for (int i = 0; i < columns; i++) {
            header[i] = result.getRowMetadata().getColumn(i).getName();
        }
        int skipped = 0;
        for (SqlRow row : result) {
            if (rows.size() == MAX_ROWS) {
                skipped++;
                continue;
            }
            String[] cells = new String[columns];
            for (int i = 0; i < columns; i++) {
                Object value = row.getObject(i);
                cells[i] = value == null ? "" : value.toString();
            }
            rows.add(cells);
        }
        if (csv) {
            printCsv(header, rows);
        } else {
            printTable(header, rows);
        }
        if (skipped > 0) {
            out.println("(" + skipped + " more rows not shown; narrow the query or add LIMIT)");
        }
    }

    private void printTable(String[] header, List<String[]> rows) {
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        out.println(line(header, widths));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.println(rule);
        for (String[] row : rows) {
            out.println(line(row, widths));
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(i == 0 ? "" : " | ").append(cells[i]).append(" ".repeat(widths[i] - cells[i].length()));
        }
        return line.toString().stripTrailing();
    }

    private void printCsv(String[] header, List<String[]> rows) {
        out.println(csvLine(header));
        for (String[] row : rows) {
            out.println(csvLine(row));
        }
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    private static String csvLine(String[] cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
            line.append(i == 0 ? "" : ",").append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return line.toString();
    }

    /** The local stack's members unless told otherwise (FLOCK_MEMBERS, FLOCK_CLUSTER_NAME). */
    private static ClientConfig clientConfig() {
        ClientConfig config = new ClientConfig();
        config.setClusterName(setting("FLOCK_CLUSTER_NAME", "flock"));
        config.getNetworkConfig()
                .setAddresses(
                        Arrays.asList(setting("FLOCK_MEMBERS", "127.0.0.1:5701").split(",")));
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(15_000);
        config.setProperty("hazelcast.logging.type", "none");
        return config;
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * The command line: {@code --csv}, {@code --examples}, {@code --example NAME}, and the words of a query. Any other
     * word that starts with {@code --} is refused by name, so a mistyped option never runs as SQL.
     */
    record Options(boolean csv, boolean listExamples, java.util.Optional<String> example, List<String> words) {
        static Options parse(String... args) {
            boolean csv = false;
            boolean listExamples = false;
            java.util.Optional<String> example = java.util.Optional.empty();
            List<String> words = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--csv" -> csv = true;
                    case "--examples" -> listExamples = true;
                    case "--example" -> {
                        if (i + 1 == args.length) {
                            throw new IllegalArgumentException(
                                    "--example needs a name; ./flock sql --examples lists them");
                        }
                        example = java.util.Optional.of(args[++i]);
                    }
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option '" + args[i]
                                    + "'; the options are --csv, --examples and --example NAME");
                        }
                        words.add(args[i]);
                    }
                }
            }
            if (example.isPresent() && !words.isEmpty()) {
                throw new IllegalArgumentException("give either a query or --example NAME, not both");
            }
            return new Options(csv, listExamples, example, List.copyOf(words));
        }
    }
}
