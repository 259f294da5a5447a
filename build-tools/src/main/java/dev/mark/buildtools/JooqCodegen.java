package dev.mark.buildtools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ classes of the server from its Flyway migrations, against a real PostgreSQL
 * (an embedded one in a temporary folder), so that PostgreSQL-specific DDL is read as PostgreSQL
 * reads it. Run by the server's build at {@code generate-sources}; never at runtime.
 *
 * <p>Arguments: the migrations folder, the output folder, the Java package.
 */
public final class JooqCodegen {

  private JooqCodegen() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: JooqCodegen <migrations dir> <output dir> <package>");
    }
    Path migrations = Path.of(args[0]).toAbsolutePath();
    Path output = Path.of(args[1]).toAbsolutePath();
    String packageName = args[2];

    Path dataDir = Files.createTempDirectory("mark-jooq-codegen");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).start()) {
      DataSource dataSource = postgres.getPostgresDatabase();
      Flyway.configure()
          .dataSource(dataSource)
          .locations("filesystem:" + migrations)
          .load()
          .migrate();
      GenerationTool.generate(configuration(postgres.getJdbcUrl("postgres", "postgres"), output, packageName));
    }
  }

  private static Configuration configuration(String jdbcUrl, Path output, String packageName) {
    return new Configuration()
        .withJdbc(new Jdbc()
            .withDriver("org.postgresql.Driver")
            .withUrl(jdbcUrl)
            .withUser("postgres"))
        .withGenerator(new Generator()
            .withDatabase(new Database()
                .withName("org.jooq.meta.postgres.PostgresDatabase")
                .withInputSchema("public")
                .withExcludes("flyway_schema_history"))
            .withGenerate(new Generate()
                .withRecords(true)
                .withPojos(false)
                .withJavaTimeTypes(true))
            .withTarget(new Target()
                .withPackageName(packageName)
                .withDirectory(output.toString())));
  }
}
