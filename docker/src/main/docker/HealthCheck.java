import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The image's HEALTHCHECK: exits 0 when GET /__admin/health answers 200, 1 otherwise.
 * Compiled into the image so that it needs neither curl nor a shell; it uses java.base only.
 * The port is COGNITO_SYNC_MOCK_PORT (default 8080), the same variable the server reads.
 */
public final class HealthCheck {
    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("COGNITO_SYNC_MOCK_PORT", "8080");
        if (args.length > 0) {
            port = args[0];
        }
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(
                    "http://127.0.0.1:" + port.trim() + "/__admin/health").toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(3000);
            int status = c.getResponseCode();
            System.exit(status == 200 ? 0 : 1);
        } catch (Exception e) {
            System.err.println("health check failed: " + e);
            System.exit(1);
        }
    }
}
