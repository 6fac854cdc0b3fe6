package dev.mediapipeline.localaws.s3;

import dev.mediapipeline.common.event.S3EventJson;
import dev.mediapipeline.localaws.notify.InvalidNotificationConfigurationException;
import dev.mediapipeline.localaws.notify.NotificationConfiguration;
import dev.mediapipeline.localaws.notify.NotificationConfigurationXml;
import dev.mediapipeline.localaws.notify.S3Notifier;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PutBucketNotificationConfiguration and GetBucketNotificationConfiguration ({@code ?notification} on a
 * bucket), which S3Proxy does not implement. Putting a configuration first sends {@code s3:TestEvent}
 * to each queue, and is refused when a queue cannot be reached, as S3 does.
 */
public final class BucketNotificationApi extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(BucketNotificationApi.class);
    private static final String SUBRESOURCE = "notification";

    private final S3Notifier notifier;
    private final Predicate<String> bucketExists;

    public BucketNotificationApi(S3Notifier notifier, Predicate<String> bucketExists) {
        this.notifier = notifier;
        this.bucketExists = bucketExists;
    }

    /** Answers S3 requests for a bucket's {@code ?notification} subresource (path-style); declines others. */
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String bucket = bucketOf(request);
        if (bucket == null || Request.extractQueryParameters(request, StandardCharsets.UTF_8).get(SUBRESOURCE) == null) {
            return false;
        }
        if (!bucketExists.test(bucket)) {
            error(response, callback, HttpStatus.NOT_FOUND_404, "NoSuchBucket", "The specified bucket does not exist", bucket);
            return true;
        }
        String method = request.getMethod();
        if (HttpMethod.GET.is(method)) {
            xml(response, callback, HttpStatus.OK_200,
                    NotificationConfigurationXml.write(notifier.configurations().get(bucket)));
        } else if (HttpMethod.PUT.is(method)) {
            put(bucket, Content.Source.asString(request, StandardCharsets.UTF_8), response, callback);
        } else {
            error(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "MethodNotAllowed",
                    "The specified method is not allowed against this resource.", bucket);
        }
        return true;
    }

    private void put(String bucket, String body, Response response, Callback callback) {
        NotificationConfiguration configuration;
        try {
            configuration = NotificationConfigurationXml.parse(body);
            notifier.sendTestEvents(bucket, configuration);
        } catch (InvalidNotificationConfigurationException e) {
            LOG.info("Refused the notification configuration of bucket {}: {}", bucket, e.getMessage());
            error(response, callback, HttpStatus.BAD_REQUEST_400, e.code(), e.getMessage(), bucket);
            return;
        }
        notifier.configurations().put(bucket, configuration);
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put("x-amz-request-id", S3EventJson.newRequestId());
        callback.succeeded();
    }

    private static String bucketOf(Request request) {
        String path = Request.getPathInContext(request);
        if (path == null || path.length() < 2) {
            return null;
        }
        String bucket = path.substring(1);
        if (bucket.endsWith("/")) {
            bucket = bucket.substring(0, bucket.length() - 1);
        }
        return bucket.isEmpty() || bucket.contains("/") ? null : bucket;
    }

    private static void error(Response response, Callback callback, int status, String code, String message,
                              String bucket) {
        xml(response, callback, status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code
                + "</Code><Message>" + escape(message) + "</Message><BucketName>" + escape(bucket)
                + "</BucketName><RequestId>" + S3EventJson.newRequestId() + "</RequestId></Error>");
    }

    private static void xml(Response response, Callback callback, int status, String xml) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        response.getHeaders().put("x-amz-request-id", S3EventJson.newRequestId());
        Content.Sink.write(response, true, xml, callback);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
