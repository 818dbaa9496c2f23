import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** Writes an RSA key pair for signing API tokens: KeyGen <dir> -> dir/private.pem, dir/public.pem. */
public class KeyGen {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes());
        Files.writeString(dir.resolve("private.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + mime.encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(dir.resolve("public.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + mime.encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
    }
}
