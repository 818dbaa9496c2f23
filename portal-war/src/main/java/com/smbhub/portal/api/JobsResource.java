package com.smbhub.portal.api;

import com.smbhub.batch.JobLauncher;
import com.smbhub.job.JobRunView;
import com.smbhub.job.Jobs;
import com.smbhub.platform.Jsonp;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * A business's jobs (issue 16, OWNER/ADMIN): start one now ({@code ar-reminders}; {@code export} and
 * {@code pos-sync} are not built yet: 404) and see its runs with what each did.
 */
@ApplicationScoped
@Path("/jobs")
@Authenticated
public class JobsResource {

    @EJB Jobs jobs;

    @EJB JobLauncher launcher;

    /** 202 with the run: it goes on in the background; {@code GET /jobs/runs/{id}} shows how far it got. */
    @POST
    @Path("/{name}/run")
    @Produces(MediaType.APPLICATION_JSON)
    public Response run(@PathParam("name") String name) {
        return started(jobs, launcher, jobs.queue(name));
    }

    /** Starts the run {@code queued} and answers 202 with it (now holding its execution id). */
    static Response started(Jobs jobs, JobLauncher launcher, JobRunView queued) {
        launcher.launch(queued);
        return Response.fromResponse(Envelope.ok(json(jobs.get(queued.id())))).status(Response.Status.ACCEPTED).build();
    }

    @GET
    @Path("/runs")
    @Produces(MediaType.APPLICATION_JSON)
    public Response runs(@QueryParam("job") String job, @QueryParam("limit") String limit) {
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        jobs.runs(job == null || job.isBlank() ? null : job.trim(), Paging.limit(limit)).forEach(r -> list.add(json(r)));
        return Envelope.ok(list.build());
    }

    @GET
    @Path("/runs/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response one(@PathParam("id") String id) {
        return Envelope.ok(json(jobs.get(id)));
    }

    static JsonObject json(JobRunView r) {
        return Jsonp.createObjectBuilder().add("id", r.id()).add("job", r.job()).add("trigger", r.trigger())
                .add("status", r.status()).add("execution_id", r.executionId() == null ? JsonValue.NULL : Jsonp.createValue(r.executionId()))
                .add("started_at", time(r.startedAt())).add("finished_at", time(r.finishedAt()))
                .add("done", r.done()).add("total", r.total() == null ? JsonValue.NULL : Jsonp.createValue(r.total())).add("skipped", r.skipped()).add("failed", r.failed())
                .add("errors", Envelope.nullable(r.errors()))
                .add("with_pdfs", r.withPdfs() == null ? JsonValue.NULL : r.withPdfs() ? JsonValue.TRUE : JsonValue.FALSE).build();
    }

    private static JsonValue time(Instant at) {
        return Envelope.nullable(at == null ? null : at.toString());
    }
}
