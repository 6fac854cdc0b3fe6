package dev.mediapipeline.ingest.extract.isobmff;

/** A top-level box found by walking headers: where it starts, its header length and total size. */
record TopLevelBox(String type, long start, int headerSize, long size) {

    long payloadStart() {
        return start + headerSize;
    }

    long payloadSize() {
        return size - headerSize;
    }

    long end() {
        return start + size;
    }
}
