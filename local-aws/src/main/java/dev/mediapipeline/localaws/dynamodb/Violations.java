package dev.mediapipeline.localaws.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The constraint violations of one request, reported together as DynamoDB reports them ("2 validation
 * errors detected: Value 'a;' at 'tableName' failed to satisfy constraint: ...; Value ..."), in the order
 * they were found. Wire names are capitalised, the messages name them with a lower-case first letter.
 */
public final class Violations {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

    private final List<String> found = new ArrayList<>();

    /** @param shownValue the value as the message shows it: {@code null}, or quoted ({@code 'a;'}) */
    public Violations add(String shownValue, String field, String constraint) {
        found.add("Value " + shownValue + " at '" + Character.toLowerCase(field.charAt(0)) + field.substring(1)
                + "' failed to satisfy constraint: " + constraint);
        return this;
    }

    /** Whether a table or index name breaks none of its constraints. */
    public static boolean isName(String value) {
        return NAME.matcher(value).matches() && value.length() >= 3 && value.length() <= 255;
    }

    /** What a table or index name breaks, in DynamoDB's order: the pattern [a-zA-Z0-9_.-]+, then 3 to 255 characters. */
    public Violations name(String value, String field) {
        String shown = "'" + value + "'";
        if (!NAME.matcher(value).matches()) {
            add(shown, field, "Member must satisfy regular expression pattern: " + NAME.pattern());
        }
        if (value.length() < 3) {
            add(shown, field, "Member must have length greater than or equal to 3");
        }
        if (value.length() > 255) {
            add(shown, field, "Member must have length less than or equal to 255");
        }
        return this;
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw exception();
        }
    }

    public DynamoDbException exception() {
        return DynamoDbException.validation(found.size() + (found.size() == 1 ? " validation error" : " validation errors")
                + " detected: " + String.join("; ", found));
    }
}
