package dev.mediapipeline.localaws.notify;

/** Puts one message body on a queue, by queue name. */
@FunctionalInterface
public interface QueueDelivery {

    /** @throws RuntimeException when the message was not accepted (no such queue, queue service down) */
    void send(String queueName, String body);
}
