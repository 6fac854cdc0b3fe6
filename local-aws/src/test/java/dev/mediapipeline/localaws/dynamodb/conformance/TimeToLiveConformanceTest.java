package dev.mediapipeline.localaws.dynamodb.conformance;

import static dev.mediapipeline.localaws.dynamodb.conformance.Ddb.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** UpdateTimeToLive and DescribeTimeToLive. (Expiry itself runs within 48 hours on DynamoDB: not testable here.) */
class TimeToLiveConformanceTest {

    @Test
    void ttlIsDisabledByDefault() {
        String table = hashTable("Ttl");
        var d = ddb().describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
        assertThat(d.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
        assertThat(d.attributeName()).isNull();
    }

    @Test
    void enablingAnswersTheSpecificationAndIsDescribed() {
        String table = hashTable("Ttl");
        var spec = ddb().updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")))
                .timeToLiveSpecification();
        assertThat(spec.enabled()).isTrue();
        assertThat(spec.attributeName()).isEqualTo("expires");
        var d = ddb().describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
        // DynamoDB may answer ENABLING for a while before ENABLED.
        assertThat(d.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
        assertThat(d.attributeName()).isEqualTo("expires");
    }

    @Test
    void enablingTwiceIsRejected() {
        String table = hashTable("Ttl");
        ddb().updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));
        assertValidation(() -> ddb().updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires"))), "TimeToLive is already enabled");
    }

    @Test
    void ttlOfAMissingTableIsResourceNotFound() {
        String missing = uniqueName("Missing");
        var e = failure(() -> ddb().describeTimeToLive(b -> b.tableName(missing)), ResourceNotFoundException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found: Table: " + missing + " not found");
        var u = failure(() -> ddb().updateTimeToLive(b -> b.tableName(missing)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("x"))), ResourceNotFoundException.class);
        assertThat(u.awsErrorDetails().errorMessage()).startsWith("Requested resource not found");
    }

    @Test
    void expiredLookingItemsAreStillReadableUntilDeleted() {
        String table = hashTable("Ttl");
        ddb().updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));
        ddb().putItem(b -> b.tableName(table).item(item("pk", s("old"), "expires", n(1))));
        // DynamoDB deletes expired items in the background; a read right after the write still sees it.
        assertThat(ddb().getItem(b -> b.tableName(table).key(item("pk", s("old"))).consistentRead(true)).hasItem()).isTrue();
    }
}
