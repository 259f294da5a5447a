package dev.mark.platform.docs;

import dev.mark.platform.contract.ApiContract;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The contract and its interactive reference: {@code /openapi.yaml}, {@code /openapi.json} and
 * {@code /docs} (Swagger UI, served from its webjar: no CDN). The contract offers the server
 * that serves it first ({@link ServedContract}). These are the only routes outside the
 * contract, and none is under {@code /v1}.
 */
public final class DocsRoutes {

  public static final String YAML = "/openapi.yaml";
  public static final String JSON = "/openapi.json";
  public static final String DOCS = "/docs";
  /** The served contract names the origin the request was sent to (see RequestOrigin). */
  private static final String VARY = "Host, " + RequestOrigin.FORWARDED_PROTO;

  private DocsRoutes() {}

  public static void install(JavalinConfig config, ApiContract contract) {
    String page = docsPage(swaggerUiVersion());
    ServedContract served = new ServedContract(contract);
    config.staticFiles.enableWebjars();
    config.routes.get(YAML, ctx -> ctx.header("Vary", VARY)
        .contentType("application/yaml; charset=utf-8")
        .result(served.yaml(RequestOrigin.of(ctx))));
    config.routes.get(JSON, ctx -> ctx.header("Vary", VARY)
        .contentType("application/json")
        .result(served.json(RequestOrigin.of(ctx))));
    config.routes.get(DOCS, ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
  }

  private static String docsPage(String version) {
    String assets = "/webjars/swagger-ui/" + version;
    return """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Mark API reference</title>
          <link rel="stylesheet" href="%1$s/swagger-ui.css">
        </head>
        <body>
          <div id="reference"></div>
          <script src="%1$s/swagger-ui-bundle.js"></script>
          <script>
            window.ui = SwaggerUIBundle({
              url: "%2$s",
              dom_id: "#reference",
              deepLinking: true,
              tryItOutEnabled: true
            });
          </script>
        </body>
        </html>
        """.formatted(assets, JSON);
  }

  private static String swaggerUiVersion() {
    String resource = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    try (InputStream in = DocsRoutes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
