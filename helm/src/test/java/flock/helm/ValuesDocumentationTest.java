package flock.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every key of values.yaml has a comment above it that starts with its full name. */
class ValuesDocumentationTest {
    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z][A-Za-z0-9]*):.*$");

    @Test
    void should_document_every_key_of_values_yaml_with_its_full_name() throws Exception {
        List<String> lines = Files.readAllLines(Chart.DIRECTORY.resolve("values.yaml"));
        Deque<String[]> parents = new ArrayDeque<>(); // {indent, name}
        List<String> undocumented = new ArrayList<>();
        int keys = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher key = KEY.matcher(lines.get(i));
            if (!key.matches()) {
                continue;
            }
            int indent = key.group(1).length();
            while (!parents.isEmpty() && Integer.parseInt(parents.peek()[0]) >= indent) {
                parents.pop();
            }
            StringBuilder path = new StringBuilder();
            parents.descendingIterator()
                    .forEachRemaining(parent -> path.append(parent[1]).append('.'));
            path.append(key.group(2));
            parents.push(new String[] {String.valueOf(indent), key.group(2)});
            if (path.toString().contains("resources.")) {
                continue; // Kubernetes' own requests and limits, documented with their parent
            }
            keys++;
            String above = i == 0 ? "" : lines.get(i - 1).strip();
            if (!commentBlockAbove(lines, i).contains("# " + path + ":")) {
                undocumented.add(path + " (line " + (i + 1) + ", above it: '" + above + "')");
            }
        }

        assertThat(keys).isGreaterThan(40);
        assertThat(undocumented).isEmpty();
    }

    /** The comment lines right above a key, the first of them being where its name must start. */
    private static String commentBlockAbove(List<String> lines, int keyLine) {
        int first = keyLine;
        while (first > 0 && lines.get(first - 1).strip().startsWith("#")) {
            first--;
        }
        return first == keyLine ? "" : lines.get(first).strip();
    }
}
