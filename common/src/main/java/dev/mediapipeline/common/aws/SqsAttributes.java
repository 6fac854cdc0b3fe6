package dev.mediapipeline.common.aws;

import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Message attributes that SQS accepts whatever text they carry: both dead-letter writers use them. */
public final class SqsAttributes {

    private SqsAttributes() {
    }

    /**
     * A String attribute. SQS refuses values with characters outside XML's (control characters, lone
     * surrogates) and empty values, and a hostile key can carry such characters into a reason: the letter
     * would never be sent. They are written as {@code \\uXXXX} instead, and an empty value as {@code -}.
     */
    public static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value.isEmpty() ? "-" : safe(value))
                .build();
    }

    static String safe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            if (allowed) {
                safe.appendCodePoint(c);
            } else {
                safe.append(String.format("\\u%04X", c));
            }
        });
        return safe.toString();
    }
}
