package dev.mediapipeline.localaws.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stock AWS CLI (/usr/bin/aws, Debian's awscli; CI installs it) used as a new user would: a table
 * with a GSI and a stream, a put, a conditional update that passes and one that fails, a GSI query, a
 * transaction, and the stream read back with the dynamodbstreams commands.
 */
class AwsCliConformanceTest {

    private static final Path CLI = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ExternalProcess.Result aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CLI.toString(), "--endpoint-url", Ddb.endpoint().toString(),
                "--output", "json"));
        command.addAll(List.of(args));
        return ExternalProcess.run(command, Map.of());
    }

    private static JsonNode ok(String... args) throws Exception {
        ExternalProcess.Result r = aws(args);
        assertThat(r.exitCode()).as("aws %s%nstdout: %s%nstderr: %s", String.join(" ", args), r.stdout(), r.stderr()).isZero();
        return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
    }

    @Test
    void aNewUsersSessionWithTheCli() throws Exception {
        assumeTrue(Files.isExecutable(CLI), "/usr/bin/aws is not installed (apt-get install awscli)");
        String table = Ddb.uniqueName("CliTable");

        JsonNode created = ok("dynamodb", "create-table", "--table-name", table,
                "--attribute-definitions", "AttributeName=pk,AttributeType=S", "AttributeName=g,AttributeType=S",
                "--key-schema", "AttributeName=pk,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST",
                "--global-secondary-indexes",
                "[{\"IndexName\":\"ByG\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}]",
                "--stream-specification", "StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES");
        assertThat(created.at("/TableDescription/TableName").asText()).isEqualTo(table);
        ok("dynamodb", "wait", "table-exists", "--table-name", table);

        ok("dynamodb", "put-item", "--table-name", table, "--item", "{\"pk\":{\"S\":\"1\"},\"g\":{\"S\":\"grp\"},\"n\":{\"N\":\"1\"}}");

        JsonNode updated = ok("dynamodb", "update-item", "--table-name", table, "--key", "{\"pk\":{\"S\":\"1\"}}",
                "--update-expression", "SET n = n + :one", "--condition-expression", "n = :n",
                "--expression-attribute-values", "{\":one\":{\"N\":\"1\"},\":n\":{\"N\":\"1\"}}", "--return-values", "UPDATED_NEW");
        assertThat(updated.at("/Attributes/n/N").asText()).isEqualTo("2");

        ExternalProcess.Result failed = aws("dynamodb", "update-item", "--table-name", table, "--key", "{\"pk\":{\"S\":\"1\"}}",
                "--update-expression", "SET n = :n", "--condition-expression", "attribute_not_exists(pk)",
                "--expression-attribute-values", "{\":n\":{\"N\":\"9\"}}");
        assertThat(failed.exitCode()).isNotZero();
        assertThat(failed.stderr()).contains("An error occurred (ConditionalCheckFailedException) when calling the UpdateItem "
                + "operation: The conditional request failed");

        JsonNode queried = ok("dynamodb", "query", "--table-name", table, "--index-name", "ByG",
                "--key-condition-expression", "g = :g", "--expression-attribute-values", "{\":g\":{\"S\":\"grp\"}}");
        assertThat(queried.get("Count").asInt()).isEqualTo(1);
        assertThat(queried.at("/Items/0/n/N").asText()).isEqualTo("2");

        ok("dynamodb", "transact-write-items", "--transact-items",
                "[{\"Put\":{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"2\"},\"g\":{\"S\":\"grp\"}},"
                        + "\"ConditionExpression\":\"attribute_not_exists(pk)\"}},"
                        + "{\"Update\":{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"1\"}},"
                        + "\"UpdateExpression\":\"REMOVE n\"}}]");
        JsonNode listed = ok("dynamodbstreams", "list-streams", "--table-name", table);
        String arn = listed.at("/Streams/0/StreamArn").asText();
        assertThat(arn).startsWith("arn:aws:dynamodb:" + Ddb.REGION + ":").contains(":table/" + table + "/stream/");
        JsonNode described = ok("dynamodbstreams", "describe-stream", "--stream-arn", arn);
        assertThat(described.at("/StreamDescription/StreamStatus").asText()).isEqualTo("ENABLED");
        String shard = described.at("/StreamDescription/Shards/0/ShardId").asText();
        String iterator = ok("dynamodbstreams", "get-shard-iterator", "--stream-arn", arn, "--shard-id", shard,
                "--shard-iterator-type", "TRIM_HORIZON").get("ShardIterator").asText();
        JsonNode records = ok("dynamodbstreams", "get-records", "--shard-iterator", iterator);
        List<String> events = new ArrayList<>();
        records.get("Records").forEach(r -> events.add(r.get("eventName").asText()));
        // put, update, transaction (put + update)
        assertThat(events).containsExactly("INSERT", "MODIFY", "INSERT", "MODIFY");
        assertThat(records.at("/Records/1/dynamodb/OldImage/n/N").asText()).isEqualTo("1");
        assertThat(records.at("/Records/1/dynamodb/NewImage/n/N").asText()).isEqualTo("2");
    }
}
