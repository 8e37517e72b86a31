import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs one SQL query over Flock's grid through Hazelcast's JDBC driver and prints the rows, tab-separated, headed by
 * the column names: what any JDBC tool (DBeaver, a notebook, a report server) does with the same URL. A single-file
 * program, run without a build:
 *
 * <pre>
 * java -cp hazelcast-jdbc-5.5.0.jar analytics/examples/JdbcQuery.java \
 *     "jdbc:hazelcast://127.0.0.1:5701/?clusterName=flock" "SELECT handle, tweets FROM users ORDER BY handle LIMIT 3"
 * </pre>
 */
public final class JdbcQuery {
    public static void main(String[] args) throws SQLException {
        if (args.length != 2) {
            System.err.println("usage: JdbcQuery <jdbc:hazelcast://host:port/?clusterName=name> <SELECT ...>");
            System.exit(2);
        }
        try (Connection connection = DriverManager.getConnection(args[0]);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(args[1])) {
            ResultSetMetaData columns = rows.getMetaData();
            StringBuilder line = new StringBuilder();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                line.append(i > 1 ? "\t" : "").append(columns.getColumnLabel(i));
            }
            System.out.println(line);
            while (rows.next()) {
                line.setLength(0);
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    line.append(i > 1 ? "\t" : "").append(rows.getString(i));
                }
                System.out.println(line);
            }
        }
    }
}
