package com.smbhub.portal.api;

import com.smbhub.batch.JobLauncher;
import com.smbhub.export.Exports;
import com.smbhub.job.JobName;
import com.smbhub.job.Jobs;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** "Export everything" (issue 16, OWNER/ADMIN): start an export run, then download its ZIP for a week. */
@ApplicationScoped
@Path("/export")
@Authenticated
public class ExportResource {

    @EJB Jobs jobs;

    @EJB JobLauncher launcher;

    @EJB Exports exports;

    /** 202 with the run, as {@code POST /jobs/export/run}; an optional body {@code {"pdfs": false}} leaves the PDFs out. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(String body) {
        boolean pdfs = true;
        if (body != null && !body.isBlank()) {
            List<FieldError> errors = new ArrayList<>();
            pdfs = JsonBody.parse(body, Set.of("pdfs")).bool("pdfs", true, errors);
            ValidationException.throwIfAny(errors);
        }
        return JobsResource.started(jobs, launcher, jobs.queue(JobName.EXPORT.apiName(), pdfs));
    }

    @GET
    @Path("/{id}/download")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response download(@PathParam("id") String id) {
        Exports.Download zip = exports.download(id);
        StreamingOutput body = out -> {
            try (InputStream in = zip.bytes()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + zip.fileName() + "\"").build();
    }
}
