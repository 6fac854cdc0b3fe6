package dev.mediapipeline.localaws.notify;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reads and writes the body of S3's PutBucketNotificationConfiguration / GetBucketNotificationConfiguration. */
public final class NotificationConfigurationXml {

    private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final Set<String> KNOWN_EVENTS = Set.of(
            "s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy",
            "s3:ObjectCreated:CompleteMultipartUpload", "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete",
            "s3:ObjectRemoved:DeleteMarkerCreated", "s3:LifecycleExpiration:*", "s3:LifecycleExpiration:Delete",
            "s3:LifecycleExpiration:DeleteMarkerCreated");
    /** Destinations this stack cannot deliver to: refusing them beats accepting and never sending. */
    private static final Set<String> UNSUPPORTED_DESTINATIONS = Set.of(
            "TopicConfiguration", "CloudFunctionConfiguration", "LambdaFunctionConfiguration");

    private NotificationConfigurationXml() {
    }

    public static NotificationConfiguration parse(String xml) {
        Element root = parseDocument(xml).getDocumentElement();
        if (!"NotificationConfiguration".equals(root.getLocalName())) {
            throw malformed("root element is " + root.getLocalName());
        }
        List<QueueConfiguration> queues = new ArrayList<>();
        for (Element child : children(root)) {
            String name = child.getLocalName();
            if ("QueueConfiguration".equals(name)) {
                queues.add(queueConfiguration(child));
            } else if (UNSUPPORTED_DESTINATIONS.contains(name)) {
                throw new InvalidNotificationConfigurationException("InvalidArgument",
                        name + " is not supported by the embedded S3; use QueueConfiguration");
            } else if (!"EventBridgeConfiguration".equals(name)) {
                throw malformed("unexpected element " + name);
            }
        }
        return new NotificationConfiguration(queues);
    }

    public static String write(NotificationConfiguration configuration) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<NotificationConfiguration xmlns=\"").append(NAMESPACE).append("\">");
        for (QueueConfiguration queue : configuration.queues()) {
            xml.append("<QueueConfiguration>");
            element(xml, "Id", queue.id());
            element(xml, "Queue", queue.queueArn());
            queue.events().forEach(event -> element(xml, "Event", event));
            if (!queue.prefix().isEmpty() || !queue.suffix().isEmpty()) {
                xml.append("<Filter><S3Key>");
                filterRule(xml, "Prefix", queue.prefix());
                filterRule(xml, "Suffix", queue.suffix());
                xml.append("</S3Key></Filter>");
            }
            xml.append("</QueueConfiguration>");
        }
        return xml.append("</NotificationConfiguration>").toString();
    }

    private static QueueConfiguration queueConfiguration(Element element) {
        String id = null;
        String queue = null;
        List<String> events = new ArrayList<>();
        String prefix = "";
        String suffix = "";
        for (Element child : children(element)) {
            switch (child.getLocalName()) {
                case "Id" -> id = child.getTextContent().trim();
                case "Queue" -> queue = child.getTextContent().trim();
                case "Event" -> events.add(event(child.getTextContent().trim()));
                case "Filter" -> {
                    for (Element rule : filterRules(child)) {
                        String ruleName = text(rule, "Name").toLowerCase(Locale.ROOT);
                        String value = text(rule, "Value");
                        switch (ruleName) {
                            case "prefix" -> prefix = value;
                            case "suffix" -> suffix = value;
                            default -> throw new InvalidNotificationConfigurationException("InvalidArgument",
                                    "filter rule name must be prefix or suffix, not " + ruleName);
                        }
                    }
                }
                default -> throw malformed("unexpected element " + child.getLocalName() + " in QueueConfiguration");
            }
        }
        if (queue == null || queue.isEmpty()) {
            throw new InvalidNotificationConfigurationException("InvalidArgument", "QueueConfiguration without Queue");
        }
        if (events.isEmpty()) {
            throw new InvalidNotificationConfigurationException("InvalidArgument", "QueueConfiguration without Event");
        }
        if (id == null || id.isEmpty()) {
            id = UUID.randomUUID().toString();
        }
        return new QueueConfiguration(id, queue, events, prefix, suffix);
    }

    private static List<Element> filterRules(Element filter) {
        List<Element> rules = new ArrayList<>();
        for (Element s3Key : children(filter)) {
            for (Element rule : children(s3Key)) {
                if ("FilterRule".equals(rule.getLocalName())) {
                    rules.add(rule);
                }
            }
        }
        return rules;
    }

    private static String event(String event) {
        if (!KNOWN_EVENTS.contains(event)) {
            throw new InvalidNotificationConfigurationException("InvalidArgument",
                    "The event is not supported for notifications: " + event);
        }
        return event;
    }

    private static String text(Element parent, String childName) {
        for (Element child : children(parent)) {
            if (childName.equals(child.getLocalName())) {
                return child.getTextContent().trim();
            }
        }
        throw malformed(parent.getLocalName() + " without " + childName);
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static Document parseDocument(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new InvalidNotificationConfigurationException("MalformedXML",
                    "The XML you provided was not well-formed: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JDK XML parser misconfigured", e);
        }
    }

    private static InvalidNotificationConfigurationException malformed(String why) {
        return new InvalidNotificationConfigurationException("MalformedXML",
                "The XML you provided was not well-formed or did not validate: " + why);
    }

    private static void filterRule(StringBuilder xml, String name, String value) {
        if (!value.isEmpty()) {
            xml.append("<FilterRule>");
            element(xml, "Name", name);
            element(xml, "Value", value);
            xml.append("</FilterRule>");
        }
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append('>');
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
