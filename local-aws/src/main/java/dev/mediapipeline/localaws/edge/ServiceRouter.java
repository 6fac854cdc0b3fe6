package dev.mediapipeline.localaws.edge;

import java.util.Locale;

/**
 * Picks the backend for a request, in the order that is unambiguous first: the {@code X-Amz-Target}
 * prefix (JSON protocols), then the SigV4 credential scope's service (header or presigned query),
 * then the SQS query protocol's form body or {@code Action} parameter. Anything else is S3, which
 * also covers anonymous and SigV2 requests.
 */
public final class ServiceRouter {

    private static final String CREDENTIAL = "Credential=";

    private ServiceRouter() {
    }

    /**
     * @param target          the X-Amz-Target header, or null
     * @param authorization   the Authorization header, or null
     * @param queryCredential the X-Amz-Credential query parameter (URL-decoded), or null
     * @param contentType     the Content-Type header, or null
     * @param hasActionParam  whether the query string carries {@code Action}
     */
    public static Service route(String method, String target, String authorization, String queryCredential,
                                String contentType, boolean hasActionParam) {
        if (target != null) {
            if (target.startsWith("DynamoDB")) {
                return Service.DYNAMODB;
            }
            if (target.startsWith("AmazonSQS")) {
                return Service.SQS;
            }
        }
        String scope = scopeService(authorization, queryCredential);
        if (scope != null) {
            return switch (scope) {
                case "s3" -> Service.S3;
                case "sqs" -> Service.SQS;
                case "dynamodb" -> Service.DYNAMODB;
                default -> Service.UNSUPPORTED;
            };
        }
        boolean formPost = "POST".equals(method) && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        return formPost || hasActionParam ? Service.SQS : Service.S3;
    }

    /** The service of {@code <key>/<date>/<region>/<service>/aws4_request}, or null when not SigV4. */
    static String scopeService(String authorization, String queryCredential) {
        String credential = queryCredential;
        if (authorization != null && authorization.startsWith("AWS4-")) {
            int start = authorization.indexOf(CREDENTIAL);
            if (start >= 0) {
                start += CREDENTIAL.length();
                int end = authorization.indexOf(',', start);
                credential = authorization.substring(start, end < 0 ? authorization.length() : end).trim();
            }
        }
        if (credential == null) {
            return null;
        }
        String[] parts = credential.split("/");
        return parts.length >= 5 ? parts[parts.length - 2].toLowerCase(Locale.ROOT) : null;
    }
}
