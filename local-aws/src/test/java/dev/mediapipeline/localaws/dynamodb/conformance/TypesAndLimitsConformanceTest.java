package dev.mediapipeline.localaws.dynamodb.conformance;

import static dev.mediapipeline.localaws.dynamodb.conformance.Ddb.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Numbers (38 digits, range, normalisation, numeric order), binary, sets, key types and size limits. */
class TypesAndLimitsConformanceTest {

    private static String table;
    private static String numberKeys;
    private static String binaryKeys;
    private static String rangeTable;

    @BeforeAll
    static void tables() {
        table = hashTable("Types");
        numberKeys = createTable("NumKeys", b -> b.attributeDefinitions(attr("pk", ScalarAttributeType.N)).keySchema(hashKey("pk")));
        binaryKeys = createTable("BinKeys", b -> b.attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.B))
                .keySchema(hashKey("pk"), rangeKey("sk")));
        rangeTable = rangeTable("TypesRange", ScalarAttributeType.S);
    }

    private static AttributeValue roundTrip(AttributeValue value) {
        String pk = uniqueName("v");
        ddb().putItem(b -> b.tableName(table).item(item("pk", s(pk), "v", value)));
        return ddb().getItem(b -> b.tableName(table).key(item("pk", s(pk))).consistentRead(true)).item().get("v");
    }

    private static void put(AttributeValue value) {
        ddb().putItem(b -> b.tableName(table).item(item("pk", s(uniqueName("bad")), "v", value)));
    }

    @Test
    void numbersAreNormalisedOnRead() {
        assertThat(roundTrip(n("1.50")).n()).isEqualTo("1.5");
        assertThat(roundTrip(n("0012")).n()).isEqualTo("12");
        assertThat(roundTrip(n("-0")).n()).isEqualTo("0");
        assertThat(roundTrip(n("1E2")).n()).isEqualTo("100");
        assertThat(roundTrip(n("1.0e-3")).n()).isEqualTo("0.001");
        assertThat(roundTrip(n("+5")).n()).isEqualTo("5");
        assertThat(roundTrip(n("100.000")).n()).isEqualTo("100");
    }

    @Test
    void thirtyEightSignificantDigitsArePreservedExactly() {
        String digits = "12345678901234567890123456789012345678";
        assertThat(roundTrip(n(digits)).n()).isEqualTo(digits);
        assertThat(roundTrip(n("0." + digits)).n()).isEqualTo("0." + digits);
        String largest = "9.9999999999999999999999999999999999999E+125";
        assertThat(roundTrip(n(largest)).n()).isEqualTo(new java.math.BigDecimal(largest).toPlainString());
        assertThat(roundTrip(n("1E-130")).n()).isEqualTo(new java.math.BigDecimal("1E-130").toPlainString());
    }

    @Test
    void moreThanThirtyEightDigitsAreRejected() {
        assertValidation(() -> put(n("123456789012345678901234567890123456789")),
                "Attempting to store more than 38 significant digits in a Number");
    }

    @Test
    void numbersOutOfRangeAreRejected() {
        assertValidation(() -> put(n("1E126")), "Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertValidation(() -> put(n("1E-131")), "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }

    @Test
    void nonNumbersAreRejected() {
        // DynamoDB names the offending text after the colon; the start is certain.
        assertValidationStartingWith(() -> put(n("abc")), "The parameter cannot be converted to a numeric value");
    }

    @Test
    void numberKeysMatchNumerically() {
        ddb().putItem(b -> b.tableName(numberKeys).item(item("pk", n("1.50"), "v", s("x"))));
        var got = ddb().getItem(b -> b.tableName(numberKeys).key(item("pk", n("1.5000"))).consistentRead(true));
        assertThat(got.item()).isEqualTo(item("pk", n("1.5"), "v", s("x")));
    }

    @Test
    void numberSetsAreNormalisedAndDuplicatesRejected() {
        assertThat(roundTrip(ns("1.0", "2.50")).ns()).containsExactlyInAnyOrder("1", "2.5");
        assertValidationContaining(() -> put(ns("1", "1")), "Input collection contains duplicates");
    }

    @Test
    void binaryRoundTripsAndSortsAsUnsignedBytes() {
        assertThat(roundTrip(b(0, 255, 128)).b().asByteArray()).containsExactly(bytes(0, 255, 128));
        for (int[] key : List.of(new int[] {0x7f}, new int[] {0x80}, new int[] {0x01, 0x02}, new int[] {0xff}, new int[] {0x01})) {
            ddb().putItem(b -> b.tableName(binaryKeys).item(item("pk", s("bin"), "sk", b(key))));
        }
        var r = ddb().query(b -> b.tableName(binaryKeys).keyConditionExpression("pk = :p").expressionAttributeValues(item(":p", s("bin"))));
        assertThat(r.items()).extracting(i -> i.get("sk").b().asByteArray()).containsExactly(
                bytes(0x01), bytes(0x01, 0x02), bytes(0x7f), bytes(0x80), bytes(0xff));
    }

    @Test
    void binarySetsRoundTripAndRejectDuplicates() {
        assertThat(roundTrip(bs(bytes(1), bytes(2, 3))).bs()).hasSize(2);
        assertValidationContaining(() -> put(bs(bytes(1), bytes(1))), "contains duplicates");
    }

    @Test
    void duplicateMessagesDifferBySetType() {
        // dynalite test/batchWriteItem.js, recorded against DynamoDB: three wordings for one rule.
        assertValidation(() -> put(ns("1", "1.0")), "Input collection contains duplicates");
        assertValidation(() -> put(bs(bytes(98), bytes(98))),
                "One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates.");
    }

    @Test
    void emptySetsAreRejected() {
        assertValidation(() -> put(ss()), "One or more parameter values were invalid: An string set  may not be empty");
        assertValidation(() -> put(ns()), "One or more parameter values were invalid: An number set  may not be empty");
        assertValidation(() -> put(bs()), "One or more parameter values were invalid: Binary sets should not be empty");
    }

    @Test
    void stringSetDuplicatesAreRejected() {
        assertValidation(() -> put(ss("a", "a")), "One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
    }

    @Test
    void emptyStringsAndBinaryAreFineOutsideKeys() {
        assertThat(roundTrip(s("")).s()).isEmpty();
        assertThat(roundTrip(b()).b().asByteArray()).isEmpty();
        assertThat(roundTrip(m("nested", s(""))).m().get("nested").s()).isEmpty();
    }

    @Test
    void nullMustBeTrue() {
        assertValidation(() -> put(AttributeValue.fromNul(false)),
                "One or more parameter values were invalid: Null attribute value types must have the value of true");
    }

    @Test
    void keyTypesAreEnforced() {
        assertValidation(() -> ddb().putItem(b -> b.tableName(numberKeys).item(item("pk", s("1")))),
                "One or more parameter values were invalid: Type mismatch for key pk expected: N actual: S");
        assertValidation(() -> ddb().putItem(b -> b.tableName(binaryKeys).item(item("pk", s("x"), "sk", s("notbinary")))),
                "One or more parameter values were invalid: Type mismatch for key sk expected: B actual: S");
    }

    @Test
    void anItemUpTo400KilobytesIsAccepted() {
        // Size = attribute name lengths + value lengths: "pk"+"big" (2) + "data"(4) + payload.
        String pk = "big";
        int payload = 400 * 1024 - "pk".length() - pk.length() - "data".length();
        ddb().putItem(b -> b.tableName(table).item(item("pk", s(pk), "data", s(repeat('x', payload)))));
        assertThat(ddb().getItem(b -> b.tableName(table).key(item("pk", s(pk)))).item().get("data").s()).hasSize(payload);
    }

    @Test
    void anItemOver400KilobytesIsRejected() {
        String pk = "toobig";
        int payload = 400 * 1024 - "pk".length() - pk.length() - "data".length() + 1;
        assertValidation(() -> ddb().putItem(b -> b.tableName(table).item(item("pk", s(pk), "data", s(repeat('x', payload))))),
                "Item size has exceeded the maximum allowed size");
    }

    @Test
    void partitionKeysUpTo2048BytesAreAccepted() {
        ddb().putItem(b -> b.tableName(table).item(item("pk", s(repeat('p', 2048)))));
        assertValidation(() -> ddb().putItem(b -> b.tableName(table).item(item("pk", s(repeat('p', 2049))))),
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
        // Bytes, not characters: 1025 two-byte characters are 2050 bytes.
        assertValidation(() -> ddb().getItem(b -> b.tableName(table).key(item("pk", s(repeat('é', 1025))))),
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
    }

    @Test
    void sortKeysUpTo1024BytesAreAccepted() {
        ddb().putItem(b -> b.tableName(rangeTable).item(item("pk", s("a"), "sk", s(repeat('s', 1024)))));
        assertValidation(() -> ddb().putItem(b -> b.tableName(rangeTable).item(item("pk", s("a"), "sk", s(repeat('s', 1025))))),
                "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }

    @Test
    void emptyKeyValuesAreRejected() {
        assertValidation(() -> ddb().putItem(b -> b.tableName(rangeTable).item(item("pk", s("a"), "sk", s("")))),
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: sk");
        assertValidation(() -> ddb().putItem(b -> b.tableName(binaryKeys).item(item("pk", s("a"), "sk", b()))),
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: sk");
    }

    @Test
    void deepAndWideDocumentsRoundTrip() {
        AttributeValue nested = s("leaf");
        for (int i = 0; i < 30; i++) {
            nested = m("level", nested);
        }
        Map<String, AttributeValue> wide = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            wide.put("attr" + i, n(i));
        }
        AttributeValue deep = nested;
        assertThat(roundTrip(deep)).isEqualTo(deep);
        assertThat(roundTrip(AttributeValue.fromM(wide)).m()).isEqualTo(wide);
    }
}
