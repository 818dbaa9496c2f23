package com.smbhub.portal.api;

import com.smbhub.batch.JobLauncher;
import com.smbhub.export.Exports;
import com.smbhub.job.JobName;
import com.smbhub.job.JobRunView;
import com.smbhub.job.Jobs;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;

/** "Export everything" (issue 16, OWNER/ADMIN): start an export run, then download its ZIP for a week. */
@ApplicationScoped
@Path("/export")
@Authenticated
public class ExportResource {

    @EJB Jobs jobs;

    @EJB JobLauncher launcher;

    @EJB Exports exports;

    /** 202 with the run, as {@code POST /jobs/export/run}. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response start() {
        JobRunView queued = jobs.queue(JobName.EXPORT.apiName());
        launcher.launch(queued);
        return Response.fromResponse(Envelope.ok(JobsResource.json(jobs.get(queued.id())))).status(Response.Status.ACCEPTED).build();
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
