package dev.kafkadr.agent.config;

import dev.kafkadr.archive.KdrException;
import dev.kafkadr.archive.catalog.ArchiveLayout;
import dev.kafkadr.archive.format.Codec;
import dev.kafkadr.archive.store.ObjectStores;
import java.text.ParseException;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.quartz.CronExpression;

/** ConfigDef validators for the agent's settings; each failure message says what was expected. Stateless. */
final class Validators {

    private Validators() {
    }

    /** Every element of a LIST compiles as a Java regex. */
    static final ConfigDef.Validator REGEX_LIST = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            for (Object o : (List<?>) value) {
                try {
                    Pattern.compile(o.toString());
                } catch (PatternSyntaxException e) {
                    throw new ConfigException(name, o, "not a valid regular expression ("
                            + e.getDescription() + " near index " + e.getIndex() + "); write a Java regex that "
                            + "matches whole names, e.g. orders\\..* (escape . [ ( with a backslash)");
                }
            }
        }

        @Override
        public String toString() {
            return "list of Java regular expressions";
        }
    };

    static final ConfigDef.Validator CRON = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            try {
                CronExpression.validateExpression(value.toString());
            } catch (ParseException e) {
                throw new ConfigException(name, value, "not a valid Quartz cron expression (" + e.getMessage()
                        + "); Quartz cron has 6 or 7 fields: sec min hour day-of-month month day-of-week [year], "
                        + "e.g. \"0 0 2 * * ?\"");
            }
        }

        @Override
        public String toString() {
            return "Quartz cron expression";
        }
    };

    static final ConfigDef.Validator ZONE = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                ZoneId.of(value.toString());
            } catch (RuntimeException e) {
                throw new ConfigException(name, value, "not a time zone id (e.g. UTC, Europe/Berlin)");
            }
        }

        @Override
        public String toString() {
            return "time zone id";
        }
    };

    static final ConfigDef.Validator STORE_URI = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            try {
                ObjectStores.parse(value.toString());
            } catch (KdrException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "file:///path, s3://bucket/prefix or hdfs://namenode:port/path";
        }
    };

    static final ConfigDef.Validator NAME = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                ArchiveLayout.checkName("cluster name", String.valueOf(value));
            } catch (KdrException e) {
                throw new ConfigException(name, value, "use 1 to 249 of [a-zA-Z0-9._-]");
            }
        }

        @Override
        public String toString() {
            return "1 to 249 of [a-zA-Z0-9._-]";
        }
    };

    static final ConfigDef.Validator CODEC = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                Codec.fromName(value.toString());
            } catch (KdrException e) {
                throw new ConfigException(name, value, "expected one of none, gzip, snappy, lz4, zstd");
            }
        }

        @Override
        public String toString() {
            return "[none, gzip, snappy, lz4, zstd]";
        }
    };

    static final ConfigDef.Validator BOOTSTRAP = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            for (String hp : value.toString().split(",")) {
                if (!hp.strip().matches("[^\\s:]+:[0-9]{1,5}") && !hp.strip().matches("\\[[0-9a-fA-F:]+\\]:[0-9]{1,5}")) {
                    throw new ConfigException(name, value, "expected HOST:PORT[,HOST:PORT...]");
                }
            }
        }

        @Override
        public String toString() {
            return "HOST:PORT[,HOST:PORT...]";
        }
    };
}
