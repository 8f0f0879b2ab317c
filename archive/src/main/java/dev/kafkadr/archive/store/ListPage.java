package dev.kafkadr.archive.store;

import java.util.List;
import java.util.Optional;

/** One page of a prefix listing, in lexical key order, and the token for the next page if any. Immutable. */
public record ListPage(List<ObjectInfo> objects, Optional<String> nextContinuation) {

    public ListPage {
        objects = List.copyOf(objects);
    }
}
