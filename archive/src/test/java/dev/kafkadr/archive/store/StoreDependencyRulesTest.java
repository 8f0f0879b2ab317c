package dev.kafkadr.archive.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * Keeps the SDKs inside their stores, in main and test code alike: the AWS SDK only in {@code store.s3}, Hadoop
 * only in {@code store.hdfs}, so the archive format and the tools never couple to either.
 *
 * <p>The rules are {@code @ArchTest} methods, not fields: Surefire 3.5.3 silently runs no {@code @ArchTest} field
 * (TNG/ArchUnit#1442) and reports "Tests run: 0".
 */
@AnalyzeClasses(packages = "dev.kafkadr.archive")
class StoreDependencyRulesTest {

    @ArchTest
    void only_the_s3_store_uses_the_aws_sdk(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage("dev.kafkadr.archive.store.s3..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .because("the AWS SDK is an implementation detail of the S3 store")
                .check(classes);
    }

    @ArchTest
    void only_the_hdfs_store_uses_hadoop(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage("dev.kafkadr.archive.store.hdfs..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.hadoop..")
                .because("Hadoop is an implementation detail of the HDFS store")
                .check(classes);
    }
}
