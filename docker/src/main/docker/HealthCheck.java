import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The image's HEALTHCHECK: exits 0 when GET /__admin/health answers 200, 1 otherwise.
 * Compiled into the image so that it needs neither curl nor a shell; it uses java.base only.
 *
 * <p>Where to ask: the endpoint the server itself wrote once it listened (the file named by the
 * first argument, default /tmp/cognito-sync-mock.endpoint, which the entry point's
 * -Dcognitosyncmock.endpointFile names), so the check follows the port and bind address however
 * they were set: flag, variable or port 0. Without that file (an entry point that does not set
 * the property), COGNITO_SYNC_MOCK_PORT and COGNITO_SYNC_MOCK_BIND_ADDRESS.
 */
public final class HealthCheck {
    static final String DEFAULT_ENDPOINT_FILE = "/tmp/cognito-sync-mock.endpoint";

    public static void main(String[] args) {
        try {
            Path file = Path.of(args.length > 0 ? args[0] : DEFAULT_ENDPOINT_FILE);
            String endpoint = Files.isRegularFile(file) ? Files.readString(file).trim()
                    : fromEnvironment();
            HttpURLConnection c = (HttpURLConnection) URI.create(endpoint + "/__admin/health")
                    .toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(3000);
            int status = c.getResponseCode();
            if (status != 200) {
                System.err.println("health check: " + endpoint + " answered " + status);
            }
            System.exit(status == 200 ? 0 : 1);
        } catch (Exception e) {
            System.err.println("health check failed: " + e);
            System.exit(1);
        }
    }

    private static String fromEnvironment() {
        String port = System.getenv().getOrDefault("COGNITO_SYNC_MOCK_PORT", "8080").trim();
        String bind = System.getenv().getOrDefault("COGNITO_SYNC_MOCK_BIND_ADDRESS", "0.0.0.0").trim();
        String host = bind.equals("0.0.0.0") || bind.isEmpty() ? "127.0.0.1"
                : bind.equals("::") ? "[::1]" : bind.contains(":") ? "[" + bind + "]" : bind;
        return "http://" + host + ":" + port;
    }
}
