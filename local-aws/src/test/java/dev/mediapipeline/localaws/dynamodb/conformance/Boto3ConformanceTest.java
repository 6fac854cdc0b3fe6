package dev.mediapipeline.localaws.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** boto3 (Debian's python3-boto3, run by /usr/bin/python3; CI installs it): the Python user's view. */
class Boto3ConformanceTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final String SCRIPT = """
            import sys
            import boto3
            from botocore.exceptions import ClientError
            from decimal import Decimal

            endpoint, table_name = sys.argv[1], sys.argv[2]
            client = boto3.client("dynamodb", endpoint_url=endpoint)
            streams = boto3.client("dynamodbstreams", endpoint_url=endpoint)
            resource = boto3.resource("dynamodb", endpoint_url=endpoint)

            client.create_table(
                TableName=table_name,
                AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                      {"AttributeName": "sk", "AttributeType": "N"}],
                KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
                BillingMode="PAY_PER_REQUEST",
                StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
            client.get_waiter("table_exists").wait(TableName=table_name, WaiterConfig={"Delay": 1, "MaxAttempts": 20})
            table = resource.Table(table_name)

            table.put_item(Item={"pk": "a", "sk": 1, "price": Decimal("1.50"), "tags": {"x", "y"}})
            item = table.get_item(Key={"pk": "a", "sk": 1}, ConsistentRead=True)["Item"]
            print("price", item["price"])
            print("tags", sorted(item["tags"]))

            try:
                table.put_item(Item={"pk": "a", "sk": 1}, ConditionExpression="attribute_not_exists(pk)")
                print("condition", "passed")
            except ClientError as e:
                print("condition", e.response["Error"]["Code"], e.response["Error"]["Message"])

            try:
                client.put_item(TableName=table_name, Item={"pk": {"S": "a"}, "sk": {"N": "1"}, "s": {"SS": []}})
            except ClientError as e:
                print("emptyset", e.response["Error"]["Code"])

            for i in range(2, 6):
                table.put_item(Item={"pk": "a", "sk": i})
            from boto3.dynamodb.conditions import Key
            page = table.query(KeyConditionExpression=Key("pk").eq("a") & Key("sk").between(2, 4), ScanIndexForward=False)
            print("query", [int(i["sk"]) for i in page["Items"]])

            try:
                client.transact_write_items(TransactItems=[
                    {"Put": {"TableName": table_name, "Item": {"pk": {"S": "b"}, "sk": {"N": "1"}}}},
                    {"ConditionCheck": {"TableName": table_name, "Key": {"pk": {"S": "a"}, "sk": {"N": "1"}},
                                        "ConditionExpression": "attribute_not_exists(pk)"}}])
            except ClientError as e:
                print("transaction", e.response["Error"]["Code"],
                      [r["Code"] for r in e.response.get("CancellationReasons", [])])

            arn = streams.list_streams(TableName=table_name)["Streams"][0]["StreamArn"]
            shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
            it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
            records = streams.get_records(ShardIterator=it)["Records"]
            print("records", len(records), records[0]["eventName"], records[0]["dynamodb"]["NewImage"]["price"]["N"])
            print("done")
            """;

    @Test
    void boto3SeesDynamoDbBehaviour() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is not installed");
        ExternalProcess.Result probe = ExternalProcess.run(List.of(PYTHON.toString(), "-c", "import boto3"), Map.of());
        assumeTrue(probe.exitCode() == 0, "boto3 is not installed for /usr/bin/python3 (apt-get install python3-boto3)");
        Path script = Files.createTempFile("conformance", ".py");
        try {
            Files.writeString(script, SCRIPT);
            String table = Ddb.uniqueName("Boto3Table");
            ExternalProcess.Result r = ExternalProcess.run(List.of(PYTHON.toString(), script.toString(),
                    Ddb.endpoint().toString(), table), Map.of());
            assertThat(r.exitCode()).as("python3 stdout:%n%s%nstderr:%n%s", r.stdout(), r.stderr()).isZero();
            assertThat(r.stdout().lines()).containsExactly(
                    "price 1.5",
                    "tags ['x', 'y']",
                    "condition ConditionalCheckFailedException The conditional request failed",
                    "emptyset ValidationException",
                    "query [4, 3, 2]",
                    "transaction TransactionCanceledException ['None', 'ConditionalCheckFailed']",
                    "records 5 INSERT 1.5",
                    "done");
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
