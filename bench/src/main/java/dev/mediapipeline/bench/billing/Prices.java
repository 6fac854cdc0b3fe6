package dev.mediapipeline.bench.billing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS list prices, read from the one place the repository keeps them, docs/aws-prices.md: rows of
 * {@code | `key` | USD | per quantity | ... |}. The file says where and when the prices were taken.
 */
public final class Prices {

    public static final Path DEFAULT = Path.of("docs", "aws-prices.md");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9.]+)`\\s*\\|\\s*([0-9.]+)\\s*\\|\\s*([0-9,]+)\\b.*");

    private final Map<String, Double> perUnit;

    private Prices(Map<String, Double> perUnit) {
        this.perUnit = perUnit;
    }

    public static Prices read(Path file) {
        Map<String, Double> perUnit = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher m = ROW.matcher(line);
                if (m.matches()) {
                    perUnit.put(m.group(1), Double.parseDouble(m.group(2))
                            / Double.parseDouble(m.group(3).replace(",", "")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the price list " + file
                    + " (run from the repository's root, or pass --prices)", e);
        }
        return new Prices(perUnit);
    }

    /** Dollars for {@code quantity} of what {@code key} prices (one request, one write unit, one GB-second...). */
    public double usd(String key, double quantity) {
        Double price = perUnit.get(key);
        if (price == null) {
            throw new IllegalArgumentException("no price for " + key + " in the price list");
        }
        return price * quantity;
    }
}
