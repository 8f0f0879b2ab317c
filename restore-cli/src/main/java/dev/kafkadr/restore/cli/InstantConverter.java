package dev.kafkadr.restore.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses an ISO-8601 instant with an explicit zone or offset ({@code Z}, {@code +02:00}). Stateless. */
public final class InstantConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("must be an ISO-8601 time with a zone, e.g. 2026-11-27T02:00:00Z or "
                    + "2026-11-27T03:00:00+01:00, but was '" + value + "'");
        }
    }
}
