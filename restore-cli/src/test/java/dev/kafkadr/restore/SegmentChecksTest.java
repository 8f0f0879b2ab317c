package dev.kafkadr.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentChecksTest {

    @TempDir
    Path dir;

    @Test
    void each_segment_is_checked_once_and_pending_checks_stay_bounded_however_many_there_are() {
        List<VerificationProblem> problems = Collections.synchronizedList(new ArrayList<>());
        int submitted = 0;
        try (LocalObjectStore store = new LocalObjectStore(dir, StoreOptions.empty());
             SegmentChecks checks = new SegmentChecks(new SegmentChecker(store), false, 2, problems)) {
            for (int i = 0; i < 3000; i++) {
                SegmentRef ref = new SegmentRef("clusters/c/topics/t/0/segments/" + (i % 2000) + ".kseg", i, i, 1,
                        10, 0, 0, "00", "none");
                checks.submit(ref, "t-0");
                submitted++;
                assertThat(checks.pendingChecks()).isLessThanOrEqualTo(2 * 64);
            }
            checks.finish();

            assertThat(submitted).isEqualTo(3000);
            assertThat(checks.segments()).isEqualTo(2000);
            assertThat(checks.bytes()).isEqualTo(2000 * 10L);
            assertThat(checks.pendingChecks()).isZero();
            assertThat(problems).hasSize(2000).allMatch(p -> p.kind() == VerificationProblem.Kind.MISSING_OBJECT);
        }
    }
}
