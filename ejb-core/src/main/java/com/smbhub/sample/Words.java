package com.smbhub.sample;

/**
 * What the sample book says in each kind of business: its work (type, title, description), its price
 * list and its usual notes. A services business gets jobs and call-outs; a shop gets orders, returns and
 * exchanges with their point-of-sale order ids.
 */
final class Words {

    final String[][] work;
    final String[][] prices;
    final String contactNote;
    final String thanks;
    final String quoteNote;
    final String declined;
    private final boolean shop;

    private Words(boolean shop, String[][] work, String[][] prices, String contactNote, String thanks, String quoteNote,
                  String declined) {
        this.shop = shop;
        this.work = work;
        this.prices = prices;
        this.contactNote = contactNote;
        this.thanks = thanks;
        this.quoteNote = quoteNote;
        this.declined = declined;
    }

    static Words of(String profileId) {
        return "retail_pos".equals(profileId) ? SHOP : SERVICES;
    }

    /** The profile's extra fields of a work item, as stored in labels_json. */
    String labels(String type, int i) {
        if (shop) {
            return type.equals("ORDER") ? "{\"external_order_id\": \"SQ-" + (20481 + i * 37) + "\"}"
                    : "{\"return_reason\": \"" + (i % 2 == 0 ? "Wrong size" : "Arrived damaged") + "\"}";
        }
        return "{\"service_address\": \"" + (10 + i * 13) + " " + STREETS[i % STREETS.length] + "\"}";
    }

    private static final String[] STREETS = {"Maple Ave", "King St W", "Elm Dr", "Queen St E", "Birch Cres", "Lakeshore Blvd"};

    private static final Words SERVICES = new Words(false, new String[][] {
            {"JOB", "Replace water heater", "40-gallon gas tank, 12 years old, leaking at the base."},
            {"REQUEST", "Leaking kitchen tap", "Drips all night; client has a photo of the model."},
            {"JOB", "Clear blocked main drain", "Basement floor drain backing up after rain."},
            {"REQUEST", "Quote for bathroom rough-in", "Basement renovation, three fixtures."},
            {"JOB", "Install new toilet", "Client bought the toilet; remove and dispose of the old one."},
            {"JOB", "Annual boiler service", "Check pressure, bleed radiators, inspect the expansion tank."},
            {"REQUEST", "Low water pressure upstairs", "Started last week; both bathrooms."},
            {"JOB", "Sump pump replacement", "Pump runs constantly; add a backwater valve if needed."},
            {"JOB", "Frozen pipe repair", "Crawl space pipe split; water shut off at the main."},
            {"REQUEST", "Dishwasher hook-up", "New dishwasher, needs supply and drain connections."},
            {"JOB", "Replace shut-off valves", "Seized valves under both sinks."},
            {"SUPPORT", "Follow-up: noisy pipes", "Water hammer after last week's repair."}},
            new String[][] {
                    {"Service call", "95.00"}, {"Labour (hour)", "110.00"}, {"Water heater, 40 gal", "1250.00"},
                    {"Drain snaking", "180.00"}, {"Toilet fill valve", "38.50"}, {"Shut-off valve, 1/2\"", "24.75"},
                    {"Sump pump, 1/3 hp", "329.00"}, {"PEX fittings kit", "46.20"}, {"Backwater valve", "415.00"}},
            "Prefers texts to calls; side door code is in the notes of the last job.",
            "Thank you for your business. Payment by card, e-transfer or cheque.",
            "Price includes parts and labour; valid for 30 days.",
            "Went with a cheaper option for now.");

    private static final Words SHOP = new Words(true, new String[][] {
            {"ORDER", "Order for pickup", "Gift-wrapped, pick up after 3 pm."},
            {"ORDER", "Online order to ship", "Ship by Canada Post, tracking to the client."},
            {"SUPPORT", "Return: linen scarf", "Unworn, tags on; refund to the original card."},
            {"ORDER", "Special order: wool blanket", "Ordered in charcoal from the supplier, two weeks."},
            {"SUPPORT", "Exchange: ceramic mug set", "One mug chipped in the box; exchange for a new set."},
            {"ORDER", "Corporate gift boxes", "Twelve boxes with cards, delivery to the office."},
            {"ORDER", "Order for local delivery", "Deliver Saturday morning."},
            {"SUPPORT", "Question about a gift card", "Balance check and expiry question."},
            {"ORDER", "Custom candle order", "Six candles, cedar scent, with the shop's labels."},
            {"ORDER", "Layaway: leather journal set", "Paid half; holds until the end of the month."},
            {"SUPPORT", "Missing item in parcel", "Tote bag was not in the box."},
            {"ORDER", "Holiday hamper order", "Two hampers, pickup on the 20th."}},
            new String[][] {
                    {"Linen scarf", "48.00"}, {"Ceramic mug", "26.00"}, {"Gift wrap", "5.00"}, {"Soy candle, 8 oz", "32.00"},
                    {"Wool blanket", "189.00"}, {"Leather journal", "64.00"}, {"Canvas tote bag", "29.00"},
                    {"Local delivery", "12.00"}, {"Holiday hamper", "145.00"}},
            "Regular; likes to hear when new stock arrives.",
            "Thank you for shopping with us. Exchanges within 30 days with receipt.",
            "Prices held for 30 days; special orders need a 50% deposit.",
            "Found it elsewhere, thanks anyway.");
}
