package com.smbhub.tenant;

import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.errors.ValidationException;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A business's logo: a PNG or JPEG of at most 512 KB and 4,000 pixels a side, told by its content (never by
 * a name or a type the client sends) and read whole before it is kept, so a damaged file is refused.
 */
public final class BusinessLogo {

    public static final int MAX_BYTES = 512 * 1024;
    private static final int MAX_SIDE = 4000;
    /** How much of a too large upload is read and dropped so that the client gets the refusal. */
    private static final long DRAINED = 16L * 1024 * 1024;

    /** The stored image: its bytes and {@code image/png} or {@code image/jpeg}. */
    public record Logo(byte[] bytes, String type) {
    }

    private BusinessLogo() {
    }

    /** Reads an upload, no further than one byte past the limit, and checks it (see {@link #check(byte[])}). */
    static Logo read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                drain(in);
                throw new ValidationException("logo", "At most 512 KB");
            }
        } catch (IOException e) {
            throw new ValidationException("logo", "The upload broke off; try again");
        }
        return check(bytes);
    }

    /** Reads what is left of a refused upload (up to {@link #DRAINED}): many clients read the answer only once they have sent it all. */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        for (int n = in.read(buffer); n > 0 && read < DRAINED; n = in.read(buffer)) {
            read += n;
        }
    }

    /** Checks an upload: the image it is, or a refusal at {@code logo} saying what a logo must be. */
    static Logo check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new ValidationException("logo", "Choose a PNG or JPEG image");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ValidationException("logo", "At most 512 KB; this image is " + (bytes.length + 1023) / 1024 + " KB");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ValidationException("logo", "Not a PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase();
                String type = format.equals("png") ? "image/png" : format.equals("jpeg") || format.equals("jpg") ? "image/jpeg" : null;
                if (type == null) {
                    throw new ValidationException("logo", "Not a PNG or JPEG image");
                }
                reader.setInput(in);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE) {
                    throw new ValidationException("logo", "At most 4,000 pixels a side; this image is " + width + " × " + height);
                }
                reader.read(0);
                return new Logo(bytes, type);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw new ValidationException("logo", "This image could not be read; save it again as PNG or JPEG");
        }
    }

    /** The business's logo bytes, or null (for its documents; the caller is inside the business). */
    public static byte[] of(EntityManager em, String tenantId) {
        List<?> rows = NativeSql.query(em, "select logo from tenants where id = cast(?1 as uuid) and logo is not null")
                .setParameter(1, tenantId).getResultList();
        return rows.isEmpty() ? null : (byte[]) rows.get(0);
    }

    static void store(EntityManager em, String tenantId, Logo logo) {
        NativeSql.query(em, "update tenants set logo = ?2, logo_type = ?3 where id = cast(?1 as uuid)")
                .setParameter(1, tenantId).setParameter(2, logo.bytes()).setParameter(3, logo.type()).executeUpdate();
    }

    static boolean clear(EntityManager em, String tenantId) {
        return NativeSql.query(em, "update tenants set logo = null, logo_type = null where id = cast(?1 as uuid) and logo is not null")
                .setParameter(1, tenantId).executeUpdate() > 0;
    }

    static Logo stored(EntityManager em, String tenantId) {
        List<?> rows = NativeSql.query(em, "select logo, logo_type from tenants where id = cast(?1 as uuid) and logo is not null")
                .setParameter(1, tenantId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new Logo((byte[]) row[0], (String) row[1]);
    }
}
