package dev.mediapipeline.examples.monthlycounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code media-pipeline events --follow --checkpoint events.cp | java -cp ... Main counts.json}: applies each
 * change event read from standard input, saves the state after each one that changed it, and prints the
 * counts when the input ends.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Main STATE_FILE  (change events as JSON lines on standard input)");
            System.exit(2);
        }
        Path state = Path.of(args[0]);
        MonthlyCounts counts = MonthlyCounts.load(state);
        ObjectMapper json = new ObjectMapper();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank() && counts.apply(json.readTree(line))) {
                counts.save(state);
            }
        }
        print(counts, System.out);
    }

    static void print(MonthlyCounts counts, PrintStream out) {
        counts.counts().forEach((user, months) -> months.forEach((month, n) -> out.println(user + " " + month + " " + n)));
    }
}
