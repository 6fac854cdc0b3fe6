#!/usr/bin/env bash
# LocalStack ready hook (mounted at /etc/localstack/init/ready.d): creates exactly what
# `media-pipeline provision` creates, under the same MEDIA_* names the workers read, so a compose stack
# is usable before any worker starts. Idempotent: running it again, or after `provision`, changes nothing.
#
# Settings mirror common/src/main/java/dev/mediapipeline/common/provision (QueueProvisioner,
# BucketProvisioner, TableDefinitions); app's deploy.InitScriptsMatchProvisionTest fails when they drift.
set -euo pipefail

bucket=${MEDIA_BUCKET:-media}
ingest_queue=${MEDIA_INGEST_QUEUE:-media-ingest}
ingest_dlq=${MEDIA_INGEST_DLQ:-media-ingest-dlq}
index_dlq=${MEDIA_INDEX_DLQ:-media-index-dlq}
media_table=${MEDIA_TABLE:-UserMedia}
tag_index_table=${MEDIA_TAG_INDEX_TABLE:-MediaTagIndex}
tombstone_table=${MEDIA_TOMBSTONE_TABLE:-MediaTombstones}
region=${AWS_DEFAULT_REGION:-${AWS_REGION:-us-east-1}}

visibility_timeout_seconds=60
long_poll_seconds=20
max_receive_count=5
# Fourteen days, the SQS maximum, on every queue: an operator has two weeks to look at a dead letter.
retention_seconds=1209600
notification_id=media-pipeline-ingest

# Quotes a value as a JSON string (enough for ARNs and the policy document, which hold no control characters).
json_string() {
  local s=${1//\\/\\\\}
  printf '"%s"' "${s//\"/\\\"}"
}

queue_url() {
  awslocal sqs get-queue-url --queue-name "$1" --query QueueUrl --output text
}

# Creates the queue if missing, sets the given attributes (a JSON object body, without braces) plus the
# retention, and prints the queue ARN.
ensure_queue() {
  local name=$1 attributes=$2 url
  url=$(awslocal sqs create-queue --queue-name "$name" --query QueueUrl --output text)
  awslocal sqs set-queue-attributes --queue-url "$url" \
    --attributes "{${attributes:+$attributes,}\"MessageRetentionPeriod\":\"$retention_seconds\"}"
  awslocal sqs get-queue-attributes --queue-url "$url" --attribute-names QueueArn \
    --query Attributes.QueueArn --output text
}

ensure_bucket() {
  if awslocal s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
    return
  fi
  if [[ $region == us-east-1 ]]; then
    awslocal s3api create-bucket --bucket "$bucket" >/dev/null
  else
    awslocal s3api create-bucket --bucket "$bucket" \
      --create-bucket-configuration "LocationConstraint=$region" >/dev/null
  fi
}

# On AWS, S3 may only deliver to a queue whose policy lets this bucket send.
allow_bucket_to_send() {
  local queue_arn=$1 policy
  policy=$(printf '{"Version":"2012-10-17","Statement":[{"Sid":"s3-notifications","Effect":"Allow",%s%s}]}' \
    '"Principal":{"Service":"s3.amazonaws.com"},"Action":"sqs:SendMessage",' \
    "\"Resource\":\"$queue_arn\",\"Condition\":{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:::$bucket\"}}")
  awslocal sqs set-queue-attributes --queue-url "$(queue_url "$ingest_queue")" \
    --attributes "{\"Policy\":$(json_string "$policy")}"
}

# Every create and every removal (lifecycle expirations too), with no prefix filter: a key outside users/ must reach the worker,
# which dead-letters it with a reason instead of letting it vanish. Written only when missing, because
# each write makes S3 send an s3:TestEvent.
notify_queue() {
  local queue_arn=$1 present
  present=$(awslocal s3api get-bucket-notification-configuration --bucket "$bucket" --output text \
    --query "length(QueueConfigurations[?QueueArn=='$queue_arn' && contains(Events, 's3:ObjectCreated:*') && contains(Events, 's3:ObjectRemoved:*') && contains(Events, 's3:LifecycleExpiration:*')] || \`[]\`)")
  if [[ $present != 0 ]]; then
    return
  fi
  awslocal s3api put-bucket-notification-configuration --bucket "$bucket" --notification-configuration \
    "{\"QueueConfigurations\":[{\"Id\":\"$notification_id\",\"QueueArn\":$(json_string "$queue_arn"),\"Events\":[\"s3:ObjectCreated:*\",\"s3:ObjectRemoved:*\",\"s3:LifecycleExpiration:*\"]}]}"
}

# A PAY_PER_REQUEST table keyed by a string hash key and the MediaId range key; extra create-table
# arguments follow the hash key name.
ensure_table() {
  local name=$1 hash_key=$2
  shift 2
  if awslocal dynamodb describe-table --table-name "$name" >/dev/null 2>&1; then
    return
  fi
  awslocal dynamodb create-table --table-name "$name" --billing-mode PAY_PER_REQUEST \
    --attribute-definitions "AttributeName=$hash_key,AttributeType=S" AttributeName=MediaId,AttributeType=S \
    --key-schema "AttributeName=$hash_key,KeyType=HASH" AttributeName=MediaId,KeyType=RANGE \
    "$@" >/dev/null
}

# A user's media by capture time (common.item.Timeline): UserId + TimelineAt, with what a listing shows.
# Added with update-table, so a table made before the index existed gets it too.
ensure_timeline_index() {
  local table=$1 present
  present=$(awslocal dynamodb describe-table --table-name "$table" --output text \
    --query "length(Table.GlobalSecondaryIndexes[?IndexName=='UserTimeline'] || \`[]\`)")
  if [[ $present != 0 ]]; then
    return
  fi
  awslocal dynamodb update-table --table-name "$table" \
    --attribute-definitions AttributeName=UserId,AttributeType=S AttributeName=MediaId,AttributeType=S \
      AttributeName=TimelineAt,AttributeType=S \
    --global-secondary-index-updates '[{"Create":{"IndexName":"UserTimeline","KeySchema":[{"AttributeName":"UserId","KeyType":"HASH"},{"AttributeName":"TimelineAt","KeyType":"RANGE"}],"Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["S3Key","Type","Status","ErrorClass","TakenAt","TimelineSource","Width","Height","Duration","Tags"]}}}]' \
    >/dev/null
}

enable_ttl() {
  local table=$1 attribute=$2 status
  status=$(awslocal dynamodb describe-time-to-live --table-name "$table" \
    --query TimeToLiveDescription.TimeToLiveStatus --output text)
  if [[ $status != ENABLED && $status != ENABLING ]]; then
    awslocal dynamodb update-time-to-live --table-name "$table" \
      --time-to-live-specification "Enabled=true,AttributeName=$attribute" >/dev/null
  fi
}

ingest_dlq_arn=$(ensure_queue "$ingest_dlq" "")
redrive="{\"deadLetterTargetArn\":\"$ingest_dlq_arn\",\"maxReceiveCount\":\"$max_receive_count\"}"
ingest_arn=$(ensure_queue "$ingest_queue" \
  "\"VisibilityTimeout\":\"$visibility_timeout_seconds\",\"ReceiveMessageWaitTimeSeconds\":\"$long_poll_seconds\",\"RedrivePolicy\":$(json_string "$redrive")")
ensure_queue "$index_dlq" "" >/dev/null
ensure_bucket
allow_bucket_to_send "$ingest_arn"
notify_queue "$ingest_arn"

ensure_table "$media_table" UserId --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES
ensure_table "$tag_index_table" UserTag
ensure_table "$tombstone_table" UserId
for table in "$media_table" "$tag_index_table" "$tombstone_table"; do
  awslocal dynamodb wait table-exists --table-name "$table"
done
# TTL and the index only once the tables are ACTIVE, so the updates never race the creation.
enable_ttl "$tombstone_table" ExpiresAt
# The tag index's removal markers expire the same way.
enable_ttl "$tag_index_table" ExpiresAt
ensure_timeline_index "$media_table"

echo "media-pipeline: bucket $bucket, queues $ingest_queue/$ingest_dlq/$index_dlq, tables $media_table/$tag_index_table/$tombstone_table ready"
