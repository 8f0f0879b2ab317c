package dev.kafkadr.restore.cli;

import java.util.SortedSet;
import java.util.TreeSet;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a partition list such as {@code 0,3,5-7}. Stateless. */
public final class PartitionListConverter implements ITypeConverter<PartitionListConverter.PartitionList> {

    /** A parsed partition list. Immutable. */
    public record PartitionList(SortedSet<Integer> partitions) {
        public PartitionList {
            partitions = new TreeSet<>(partitions);
        }
    }

    private static final int MAX_RANGE = 100_000;

    @Override
    public PartitionList convert(String value) {
        SortedSet<Integer> out = new TreeSet<>();
        for (String part : value.split(",")) {
            String p = part.strip();
            try {
                int dash = p.indexOf('-');
                if (dash < 0) {
                    out.add(check(Integer.parseInt(p), value));
                } else {
                    int from = check(Integer.parseInt(p.substring(0, dash).strip()), value);
                    int to = check(Integer.parseInt(p.substring(dash + 1).strip()), value);
                    if (to < from || to - from > MAX_RANGE) {
                        throw bad(value);
                    }
                    for (int i = from; i <= to; i++) {
                        out.add(i);
                    }
                }
            } catch (NumberFormatException e) {
                throw bad(value);
            }
        }
        return new PartitionList(out);
    }

    private static int check(int p, String value) {
        if (p < 0) {
            throw bad(value);
        }
        return p;
    }

    private static TypeConversionException bad(String value) {
        return new TypeConversionException("must be partition numbers and ranges like 0,3,5-7 but was '" + value
                + "'");
    }
}
