import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput of one instance next to the cluster's, in the same run: the work-item list and invoice creation, each
 * for a fixed time with the same number of client threads, first against instance i1 alone (its own port), then
 * against the load balancer (every instance), twice over, after a warm-up of every instance. Beside each figure, where the machine's CPU went (from
 * /proc: the machine's busy share, and the cores each named process used), so a ratio under 2 shows its reason.
 *
 * java -cp <Http classes> bench/ClusterBench.java <load balancer base> <instance base> <name=pid,…> [seconds] [threads]
 */
public class ClusterBench {

    record Phase(String work, String target, double perSecond, long failed, Map<String, Double> cores, double busy) {
    }

    public static void main(String[] args) throws Exception {
        String lb = args[0];
        String one = args[1];
        Map<String, Integer> pids = new LinkedHashMap<>();
        for (String named : args[2].split(",")) {
            String[] kv = named.split("=");
            pids.put(kv[0], Integer.parseInt(kv[1]));
        }
        pids.put("bench", (int) ProcessHandle.current().pid());
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        Http http = new Http();
        String token = field(http.send("POST", lb + "/api/v1/auth/token", "",
                "{\"username\":\"owner@northside.test\",\"password\":\"demo\"}").body(), "access_token");
        String auth = "Authorization: Bearer " + token + "\r\n";
        String contact = field(http.send("POST", lb + "/api/v1/contacts", auth,
                "{\"display_name\":\"Cluster bench payer " + System.nanoTime() + "\"}").body(), "id");
        String invoice = "{\"contact_id\":\"" + contact + "\",\"tax_code\":\"HST\",\"line_items\":[{\"name\":\"Service\","
                + "\"qty\":1,\"rate\":200},{\"name\":\"Parts\",\"qty\":3,\"rate\":\"12.50\"}]}";
        Map<String, Work> works = new LinkedHashMap<>();
        works.put("work-item list", (h, base) -> h.send("GET", base + "/api/v1/work-items?limit=20&status=NEW", auth, null));
        works.put("invoice creation", (h, base) -> h.send("POST", base + "/api/v1/invoices", auth, invoice));

        System.out.printf("Cluster bench: %d client threads, %d s a phase, each phase twice (one instance, then all)%n",
                threads, seconds);
        for (var work : works.entrySet()) {
            run(work.getValue(), lb, threads, 15, pids, "warm-up", "all"); // JIT and pools of every instance
            run(work.getValue(), one, threads, 5, pids, "warm-up", "one");
            List<Phase> phases = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                phases.add(run(work.getValue(), one, threads, seconds, pids, work.getKey(), "one instance"));
                phases.add(run(work.getValue(), lb, threads, seconds, pids, work.getKey(), "load balancer"));
            }
            double single = 0;
            double all = 0;
            for (Phase p : phases) {
                System.out.printf("  %-17s %-14s %8.1f /s  failed %d   CPU: machine %3.0f %%%s%n", p.work(), p.target(),
                        p.perSecond(), p.failed(), p.busy() * 100, cores(p.cores()));
                if (p.target().equals("one instance")) {
                    single += p.perSecond() / 2;
                } else {
                    all += p.perSecond() / 2;
                }
            }
            System.out.printf("  %-17s all instances / one = %.2fx (target >= 1.6x)%n", work.getKey(), all / single);
        }
    }

    interface Work {
        Http.Reply call(Http http, String base) throws Exception;
    }

    static Phase run(Work work, String base, int threads, int seconds, Map<String, Integer> pids, String name, String target)
            throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        long[] machineBefore = machine();
        Map<String, Long> before = ticks(pids);
        long started = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                Http http = new Http();
                while (System.nanoTime() < until) {
                    try {
                        int status = work.call(http, base).status();
                        (status < 300 ? done : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        http = new Http();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] machineAfter = machine();
        Map<String, Long> after = ticks(pids);
        Map<String, Double> cores = new LinkedHashMap<>();
        for (String p : pids.keySet()) {
            cores.put(p, (after.get(p) - before.get(p)) / 100.0 / elapsed); // USER_HZ = 100
        }
        double busy = 1 - (double) (machineAfter[1] - machineBefore[1]) / (machineAfter[0] - machineBefore[0]);
        return new Phase(name, target, done.get() / elapsed, failed.get(), cores, busy);
    }

    /** The machine's total and idle (with iowait) ticks. */
    static long[] machine() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    }

    /** CPU ticks (user + system) of each process and its threads; PostgreSQL's are its children's too. */
    static Map<String, Long> ticks(Map<String, Integer> pids) throws Exception {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (var p : pids.entrySet()) {
            long sum = 0;
            for (int pid : family(p.getValue())) {
                try {
                    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    if (pid == p.getValue()) {
                        sum += Long.parseLong(f[13]) + Long.parseLong(f[14]); // children that ended (PostgreSQL backends)
                    }
                } catch (java.io.IOException gone) {
                    // a backend that ended during the phase
                }
            }
            ticks.put(p.getKey(), sum);
        }
        return ticks;
    }

    static List<Integer> family(int pid) throws Exception {
        List<Integer> all = new ArrayList<>(List.of(pid));
        Path children = Path.of("/proc/" + pid + "/task/" + pid + "/children");
        if (Files.exists(children)) {
            for (String c : Files.readString(children).trim().split("\\s+")) {
                if (!c.isEmpty()) {
                    all.add(Integer.parseInt(c));
                }
            }
        }
        return all;
    }

    static String cores(Map<String, Double> cores) {
        StringBuilder b = new StringBuilder();
        cores.forEach((name, used) -> b.append(String.format(", %s %.2f cores", name, used)));
        return b.toString();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
