package dev.mediapipeline.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stock AWS CLI against the DynamoDB emulator: it checks every answer's x-amz-crc32. */
class DynamoDbCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void cli() {
        AwsCli.assumeInstalled();
    }

    @Test
    void tablesItemsAndQueriesFromTheCli() throws Exception {
        URI endpoint = SharedLocalAws.endpoint();
        JsonNode created = json(AwsCli.run(endpoint, "dynamodb", "create-table", "--table-name", "CliMedia",
                "--attribute-definitions", "AttributeName=UserId,AttributeType=S", "AttributeName=MediaId,AttributeType=S",
                "--key-schema", "AttributeName=UserId,KeyType=HASH", "AttributeName=MediaId,KeyType=RANGE",
                "--billing-mode", "PAY_PER_REQUEST"));
        assertThat(created.at("/TableDescription/TableStatus").asText()).isEqualTo("CREATING");
        AwsCli.run(endpoint, "dynamodb", "wait", "table-exists", "--table-name", "CliMedia");
        AwsCli.run(endpoint, "dynamodb", "put-item", "--table-name", "CliMedia",
                "--item", "{\"UserId\":{\"S\":\"alice\"},\"MediaId\":{\"S\":\"beach.jpg\"},\"Width\":{\"N\":\"4032\"}}");

        JsonNode item = json(AwsCli.run(endpoint, "dynamodb", "get-item", "--table-name", "CliMedia",
                "--key", "{\"UserId\":{\"S\":\"alice\"},\"MediaId\":{\"S\":\"beach.jpg\"}}"));
        assertThat(item.at("/Item/Width/N").asText()).isEqualTo("4032");
        JsonNode query = json(AwsCli.run(endpoint, "dynamodb", "query", "--table-name", "CliMedia",
                "--key-condition-expression", "UserId = :u", "--expression-attribute-values", "{\":u\":{\"S\":\"alice\"}}"));
        assertThat(query.get("Count").asInt()).isEqualTo(1);
        assertThat(json(AwsCli.run(endpoint, "dynamodb", "describe-table", "--table-name", "CliMedia"))
                .at("/Table/ItemCount").asInt()).isEqualTo(1);
    }

    private static JsonNode json(String output) throws Exception {
        return JSON.readTree(output);
    }
}
