package dev.kafkadr.mirror.render;

/** One generated file: its path relative to the output directory (with '/') and its UTF-8 text. Immutable. */
public record GeneratedFile(String path, String content) {
}
