package com.smbhub.portal.api;

import com.smbhub.file.FileService;
import com.smbhub.file.FileView;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Files attached to work items and contacts. Upload: the raw bytes as the body of
 * {@code POST /files?linked_type=&linked_id=&file_name=}; the type is read from the content.
 */
@ApplicationScoped
@Path("/files")
@Authenticated
public class FilesResource {

    @EJB FileService files;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("linked_type") String linkedType, @QueryParam("linked_id") String linkedId) {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        files.list(upper(linkedType), linkedId).forEach(f -> data.add(json(f)));
        return Envelope.ok(data.build());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@QueryParam("linked_type") String linkedType, @QueryParam("linked_id") String linkedId,
                           @QueryParam("file_name") String fileName, InputStream body) {
        if (fileName == null || fileName.isBlank()) {
            throw new ValidationException("file_name", "Required");
        }
        FileView file = files.attach(upper(linkedType), linkedId, fileName, body);
        return Response.fromResponse(Envelope.ok(json(file))).status(Response.Status.CREATED).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        return Envelope.ok(json(files.get(id)));
    }

    /** The bytes, as an attachment with the detected type (never rendered inline from our origin). */
    @GET
    @Path("/{id}/content")
    public Response content(@PathParam("id") String id) {
        FileService.Download download = files.open(id);
        StreamingOutput bytes = out -> {
            try (InputStream in = download.content()) {
                in.transferTo(out);
            }
        };
        return Response.ok(bytes, download.file().mimeType())
                .header("Content-Length", download.file().sizeBytes())
                .header("Content-Disposition", disposition(download.file().fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    @DELETE
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response remove(@PathParam("id") String id) {
        files.remove(id);
        return Response.noContent().build();
    }

    /** A PDF to download, never cached or sniffed. */
    static Response pdf(byte[] bytes, String fileName) {
        return Response.ok(bytes, "application/pdf").header("Content-Disposition", disposition(fileName))
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "private, no-store").build();
    }

    /** {@code attachment} with an ASCII fallback name and the exact name in RFC 5987 form. */
    public static String disposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static JsonObject json(FileView f) {
        return Jsonp.createObjectBuilder().add("id", f.id()).add("file_name", f.fileName()).add("mime_type", f.mimeType())
                .add("size_bytes", f.sizeBytes()).add("checksum_sha256", f.sha256())
                .add("linked_type", f.linkedType()).add("linked_id", f.linkedId())
                .add("created_at", f.createdAt().toString()).build();
    }

    private static String upper(String value) {
        return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
    }
}
