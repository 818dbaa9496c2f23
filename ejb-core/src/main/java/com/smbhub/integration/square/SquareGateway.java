package com.smbhub.integration.square;

import com.smbhub.platform.errors.ProviderException;
import com.squareup.square.SquareClient;
import com.squareup.square.core.Environment;
import com.squareup.square.core.SquareApiException;
import com.squareup.square.core.SquareException;
import com.squareup.square.core.SyncPagingIterable;
import com.squareup.square.types.CustomerFilter;
import com.squareup.square.types.CustomerQuery;
import com.squareup.square.types.ListLocationsResponse;
import com.squareup.square.types.ListPaymentRefundsRequestSortField;
import com.squareup.square.types.ListPaymentRefundsResponse;
import com.squareup.square.types.ListRefundsRequest;
import com.squareup.square.types.PaymentRefund;
import com.squareup.square.types.SearchCustomersRequest;
import com.squareup.square.types.SearchCustomersResponse;
import com.squareup.square.types.SearchOrdersDateTimeFilter;
import com.squareup.square.types.SearchOrdersFilter;
import com.squareup.square.types.SearchOrdersQuery;
import com.squareup.square.types.SearchOrdersRequest;
import com.squareup.square.types.SearchOrdersResponse;
import com.squareup.square.types.SearchOrdersSort;
import com.squareup.square.types.SearchOrdersSortField;
import com.squareup.square.types.SortOrder;
import com.squareup.square.types.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A business's Square account through the official SDK (issue 16, POS sync): its locations, and what changed in a
 * window of time — customers, orders, refunds — a page at a time with Square's cursors. The address comes from
 * {@code smbhub.square.api-base} (test mode: the stand-in at {@code /app/test-mode/square}); the token is never
 * logged. The SDK's own retries are off: the sync backs off itself and resumes from its cursor. What Square answers
 * becomes these records, so nothing else in the code knows the SDK.
 */
@ApplicationScoped
public class SquareGateway {

    /** Orders, customers and refunds per page (Square allows 100 for each of the three). */
    public static final int PAGE = 100;

    public record Location(String id, String name, String merchantId, String currency, boolean active) {
    }

    public record Customer(String id, String name, String email, String phone, Instant updatedAt) {
    }

    /** A line of an order: "2 × Latte", its total. */
    public record Line(String name, String quantity, BigDecimal total) {
    }

    /** How an order was paid: one tender per payment. */
    public record Tender(String paymentId, String type, BigDecimal amount, String card) {
    }

    /** Square's order states; a state this SDK does not know reads as OPEN. */
    public enum OrderState {
        OPEN, COMPLETED, CANCELED, DRAFT;

        static OrderState of(String state) {
            for (OrderState s : values()) {
                if (s.name().equals(state)) {
                    return s;
                }
            }
            return OPEN;
        }
    }

    public record Order(String id, String locationId, OrderState state, String customerId, String reference, List<Line> lines,
                        BigDecimal total, String currency, List<Tender> tenders, Instant createdAt, Instant updatedAt) {
    }

    public record Refund(String id, String paymentId, String orderId, BigDecimal amount, String currency, String reason,
                         String status, Instant updatedAt) {
    }

    /** One page of a list, and the cursor of the next (null: the last page). */
    public record Page<T>(List<T> items, String cursor) {
    }

    /** Square is busy (429), failing (5xx) or out of reach: try again later, from the same cursor. */
    public static class Busy extends RuntimeException {
        private final Duration retryAfter;

        public Busy(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        /** What Square asked for (Retry-After), else null. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Square refused the access token (401, 403). */
    public static class Refused extends ProviderException {
        public Refused(String message) {
            super(message);
        }
    }

    @Inject @ConfigProperty(name = "smbhub.square.api-base", defaultValue = "https://connect.squareup.com") String apiBase;

    public SquareGateway() {
    }

    /** For tests: a gateway on this address. */
    public SquareGateway(String apiBase) {
        this.apiBase = apiBase;
    }

    /** The account's locations (what the business picks from when it connects). */
    public List<Location> locations(String token) {
        ListLocationsResponse answer = call(() -> client(token).locations().list());
        return answer.getLocations().orElse(List.of()).stream().map(l -> new Location(l.getId().orElse(""),
                l.getName().orElse(l.getBusinessName().orElse("Location")), l.getMerchantId().orElse(""),
                l.getCurrency().map(Object::toString).orElse(null),
                l.getStatus().map(s -> "ACTIVE".equals(s.toString())).orElse(true))).toList();
    }

    /** Customers updated in [{@code since}, {@code until}) (since null: from the start). */
    public Page<Customer> customers(String token, Instant since, Instant until, String cursor) {
        SearchCustomersRequest request = SearchCustomersRequest.builder().limit((long) PAGE).cursor(Optional.ofNullable(cursor))
                .query(CustomerQuery.builder().filter(CustomerFilter.builder().updatedAt(range(since, until)).build()).build())
                .build();
        SearchCustomersResponse answer = call(() -> client(token).customers().search(request));
        List<Customer> customers = answer.getCustomers().orElse(List.of()).stream().map(c -> new Customer(c.getId().orElse(""),
                name(c.getGivenName(), c.getFamilyName(), c.getCompanyName(), c.getNickname()), c.getEmailAddress().orElse(null),
                c.getPhoneNumber().orElse(null), instant(c.getUpdatedAt()))).toList();
        return new Page<>(customers, answer.getCursor().filter(s -> !s.isEmpty()).orElse(null));
    }

    /** The location's orders updated in [{@code since}, {@code until}), oldest change first. */
    public Page<Order> orders(String token, String locationId, Instant since, Instant until, String cursor) {
        SearchOrdersRequest request = SearchOrdersRequest.builder().locationIds(List.of(locationId)).limit(PAGE)
                .cursor(Optional.ofNullable(cursor)).query(SearchOrdersQuery.builder()
                        .filter(SearchOrdersFilter.builder().dateTimeFilter(SearchOrdersDateTimeFilter.builder()
                                .updatedAt(range(since, until)).build()).build())
                        .sort(SearchOrdersSort.builder().sortField(SearchOrdersSortField.UPDATED_AT).sortOrder(SortOrder.ASC).build())
                        .build()).build();
        SearchOrdersResponse answer = call(() -> client(token).orders().search(request));
        List<Order> orders = answer.getOrders().orElse(List.of()).stream().map(o -> {
            String currency = o.getTotalMoney().flatMap(m -> m.getCurrency()).map(Object::toString).orElse(null);
            List<Line> lines = o.getLineItems().orElse(List.of()).stream().map(l -> new Line(l.getName().orElse("Item"),
                    l.getQuantity(), money(l.getTotalMoney().flatMap(m -> m.getAmount()), currency))).toList();
            List<Tender> tenders = o.getTenders().orElse(List.of()).stream().map(t -> new Tender(t.getPaymentId()
                    .or(t::getId).orElse(null), t.getType().toString(), money(t.getAmountMoney().flatMap(m -> m.getAmount()), currency),
                    t.getCardDetails().flatMap(d -> d.getCard()).map(c -> c.getCardBrand().map(Object::toString).orElse("CARD")
                            + " " + c.getLast4().orElse("")).map(String::strip).orElse(null))).toList();
            return new Order(o.getId().orElse(""), o.getLocationId(), OrderState.of(o.getState().map(Object::toString).orElse(null)),
                    o.getCustomerId().orElse(null), o.getReferenceId().or(o::getTicketName).orElse(null), lines,
                    money(o.getTotalMoney().flatMap(m -> m.getAmount()), currency), currency, tenders,
                    instant(o.getCreatedAt()), instant(o.getUpdatedAt()));
        }).toList();
        return new Page<>(orders, answer.getCursor().filter(s -> !s.isEmpty()).orElse(null));
    }

    /** The location's refunds updated in [{@code since}, {@code until}), oldest change first. */
    public Page<Refund> refunds(String token, String locationId, Instant since, Instant until, String cursor) {
        ListRefundsRequest.Builder request = ListRefundsRequest.builder().locationId(locationId).limit(PAGE)
                .sortField(ListPaymentRefundsRequestSortField.UPDATED_AT).sortOrder("ASC").updatedAtEndTime(until.toString())
                .cursor(Optional.ofNullable(cursor));
        if (since != null) {
            request.updatedAtBeginTime(since.toString());
        }
        SyncPagingIterable<PaymentRefund> page = call(() -> client(token).refunds().list(request.build()));
        List<Refund> refunds = page.getItems().stream().map(r -> {
            String currency = r.getAmountMoney().getCurrency().map(Object::toString).orElse(null);
            return new Refund(r.getId(), r.getPaymentId().orElse(null), r.getOrderId().orElse(null),
                    money(r.getAmountMoney().getAmount(), currency), currency, r.getReason().orElse(null),
                    r.getStatus().orElse("PENDING"), instant(r.getUpdatedAt()));
        }).toList();
        String next = page.<ListPaymentRefundsResponse>getResponse().flatMap(ListPaymentRefundsResponse::getCursor)
                .filter(s -> !s.isEmpty()).orElse(null);
        return new Page<>(refunds, next);
    }

    /** Minor units of {@code currency} as an amount (JPY has none, BHD three). */
    static BigDecimal money(Optional<Long> minor, String currency) {
        int digits = 2;
        try {
            digits = currency == null ? 2 : Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return BigDecimal.valueOf(minor.orElse(0L), digits);
    }

    private static String name(Optional<String> given, Optional<String> family, Optional<String> company, Optional<String> nickname) {
        String person = (given.orElse("") + " " + family.orElse("")).strip();
        return !person.isEmpty() ? person : company.or(() -> nickname).map(String::strip).orElse("");
    }

    private static Instant instant(Optional<String> at) {
        try {
            return at.map(Instant::parse).orElse(null);
        } catch (DateTimeParseException e) {
            return at.map(s -> java.time.OffsetDateTime.parse(s).toInstant()).orElse(null);
        }
    }

    private static TimeRange range(Instant since, Instant until) {
        TimeRange.Builder range = TimeRange.builder().endAt(until.toString());
        if (since != null) {
            range.startAt(since.toString());
        }
        return range.build();
    }

    private SquareClient client(String token) {
        return SquareClient.builder().token(token).environment(Environment.custom(apiBase)).maxRetries(0).timeout(30).build();
    }

    /** One call to Square: busy, failing or unreachable is {@link Busy}; a refusal (bad token, bad request) says why. */
    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (SquareApiException e) {
            int status = e.statusCode();
            if (status == 429 || status >= 500) {
                throw new Busy("Square answered " + status + (status == 429 ? " (too many requests)" : ""), retryAfter(e));
            }
            if (status == 401 || status == 403) {
                throw new Refused("Square did not accept the access token: " + detail(e));
            }
            throw new ProviderException("Square refused the request (" + status + "): " + detail(e));
        } catch (SquareException e) {
            throw new Busy("Square could not be reached: " + e.getMessage(), null);
        }
    }

    private static String detail(SquareApiException e) {
        return e.errors().stream().map(x -> x.getDetail().orElse(x.getCode().toString())).findFirst().orElse("no reason given");
    }

    private static Duration retryAfter(SquareApiException e) {
        Collection<String> values = e.headers().entrySet().stream().filter(h -> "retry-after".equalsIgnoreCase(h.getKey()))
                .map(h -> h.getValue()).findFirst().orElse(List.of());
        try {
            return values.stream().findFirst().map(v -> Duration.ofSeconds(Long.parseLong(v.trim()))).orElse(null);
        } catch (NumberFormatException ex) {
            return null;
        }
    }
}
