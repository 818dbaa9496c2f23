package com.smbhub.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Receipt text as OCR leaves it: misread labels and digits, split names, summary tables below the total. */
class ReceiptFieldsTest {

    private static final LocalDate TODAY = LocalDate.of(2018, 4, 1);

    private static ReceiptFields read(String text) {
        return ReceiptFields.read(text, TODAY, null);
    }

    @Test
    void theTotalIsTheOneTheRestOfTheReceiptAgreesWith() {
        ReceiptFields r = read("ABC TRADING\nTotal : 9.00\nRounding Adjustment 0.00\nRound::d Total (RM): 9.60\nCash 10.00\nCHANGE 1.00");
        assertEquals(new BigDecimal("9.00"), r.total(), "cash less change says 9.00, not the misread 9.60");
        ReceiptFields summary = read("SHOP SDN BHD\nTotal (RM) : 332.30\nCASH 332.30\nGST SUMMARY\nTotal: 313.60 18.81\n");
        assertEquals(new BigDecimal("332.30"), summary.total(), "the GST summary's row is not the total");
        ReceiptFields ocr = read("ASIA MART\nTotal Sales (Excluding GST) ; 31.03\nTotalGST : 1.65\nRounding : 0.02\n"
                + "Tatal Sales (Inclusive of GST) : 32.70\nCASH: 40.00\nChange ; 7.30");
        assertEquals(new BigDecimal("32.70"), ocr.total(), "'Tatal' is still a total; the one before tax is not");
        ReceiptFields sums = read("SYL SDN BHD\nTotal Sales (Excluding GST) ; 51.42\nTotal GST : 3.08\nRounding : 0.00\n"
                + "Total Sales (Inclusive of GST) 64.60\nCASH 100.00\nCHANGE 45.50");
        assertEquals(new BigDecimal("54.50"), sums.total(), "subtotal + tax and cash - change agree; the total line was misread");
        ReceiptFields comma = read("MR SHOP\nTOTAL RM 33, 92\nTOTAL ROUNDED RM 33,90");
        assertEquals(new BigDecimal("33.90"), comma.total());
    }

    @Test
    void theDateNextToItsLabelAndInTheReceiptsOrder() {
        assertEquals(LocalDate.of(2018, 1, 9), read("X\nDATE : 09/01/2019 8:01 PM".replace("2019", "2018")).date());
        assertEquals(LocalDate.of(2017, 12, 29), read("Frid=v, 29-12-2017 Time : 20217").date());
        assertEquals(LocalDate.of(2018, 3, 10), read("UNIHAKKA INTERNATIONAL SDN BHD\n10 MAR 2018 18:24").date());
        assertEquals(LocalDate.of(2017, 12, 28), read("DATE : 12/28/2017 10:17:32 PM").date(), "a part above 12 says which");
        assertNull(read("14 Mar 2048 18:40").date(), "a date after today is a misread, not the receipt's");
    }

    @Test
    void theVendorIsTheCompanyNameAtTheTopAsPrinted() {
        assertEquals("BOOK TA K (TAMAN DAYA) SDN BHD".replace("TA K", "TAK"),
                read("tan woon yann\nBOOK TAK (TAMAN DAYA) SDN BND\n789417-W\nNO.53 JALAN SAGU 18,").vendor(),
                "a lower-case stamp is not the name; SDN BND is SDN BHD");
        assertEquals("HOME MASTER HARDWARE & ELECTRICAL", read("HOME MASTER HARDWARE &\nELECTRICAL\n(001234-K)\nNO 2 JALAN 3").vendor());
        assertEquals("C W KHOO HARDWARE SDN BHD", read("(CO REG 12345-A)\nC W KHOO HARDWARE SON. BHD.\nTEL 03-1234567").vendor());
    }

    @Test
    void aTotalRoundedAfterItIsPrintedIsTheRoundedAmount() {
        assertEquals(new BigDecimal("60.30"), read("INDAH GIFT & HOME DECO\nTOTAL AMT...... RM 60.31\nROUNDING ADJ..... -0.01\nRM 60.30\n"
                + "CASH 70.30\nCHANGE 10.00").total());
        assertEquals(new BigDecimal("112.45"), read("SHOP SDN BHD\nRounding (RM) : -0.02\nTotal (RM): 112.45\nCash 112.45").total(),
                "rounding printed before the total is already in it");
        assertEquals(new BigDecimal("60.31"), read("SHOP\nTOTAL 60.31\nROUNDING 0.01\nTHANK YOU").total(),
                "no rounded amount printed: the total as printed");
    }

    @Test
    void aRoundedTotalFarFromTheTotalIsAMisreadAndTheReceiptSaysWhichOne() {
        assertEquals(new BigDecimal("9.00"), read("BOOK SHOP\n1PC 9.00 0.00 9.00\nTotal : 9,00\nRounded Total (RM): 9.60\n"
                + "Cash 40.00").total(), "the item line repeats 9.00");
        assertEquals(new BigDecimal("19.60"), read("BOOK SHOP\n2PC 9.80 0.00 19.60\nTotal : 18,00\nRounded Total (RM): 19.60\n"
                + "Cash 20.00").total(), "the item line repeats 19.60");
        assertEquals(new BigDecimal("9.05"), read("SHOP\nTotal : 9.03\nRounded Total: 9.05").total(), "a few cents apart is rounding");
    }

    @Test
    void aTotalBeforeTaxIsNotTheOnePaid() {
        assertEquals(new BigDecimal("80.90"), read("YONGFATT ENTERPRISE\nTotal Sales (Excluding GST) 60.91\nTotal GST 0.00\n"
                + "Total Sales clusive of GST : 80.90\nCash 100.00").total());
    }

    @Test
    void aBranchInBracketsAndALoneSuffixAreNotWhatDecides() {
        assertEquals("BOOK TA .K(TAMAN DAYA) SDN BHD", read("TAN WOON YANN\nBOOK TA .K(TAMAN DAYA) SDN BND\n789417-W").vendor(),
                "TAMAN in the branch's brackets is not an address line");
        assertEquals("LIGHTROOM GALLERY SDN BHD", read("BHD\nLIGHTROOM GALLERY SDN BHD\nNo: 28, JALAN AST").vendor());
    }

    @Test
    void eachFieldComesFromTheReadingSurerOfIt() {
        ReceiptScan.Text scan = new ReceiptScan.Text(ReceiptScan.Status.READ, "image/jpeg",
                "(001451637-M)\nNO. 53, JALAN BESAR\nSELANGOR DARUL EHSAN\nTOTAL RM 55.10\nCASH 60.00\nCHANGE 4.90", true,
                List.of("TEO HENG STATIONERY & BOOKS\nNO. 53, JALAN BESAR\nTOTAL 56.10\nDate: 15/01/2018", "no date here"));
        ReceiptFields r = ReceiptFields.read(scan, TODAY, null);
        assertEquals("TEO HENG STATIONERY & BOOKS", r.vendor(), "the name the line-by-line reading saw in large print");
        assertEquals(new BigDecimal("55.10"), r.total(), "the total the paid amount agrees with");
        assertEquals(LocalDate.of(2018, 1, 15), r.date(), "a date only one reading found");
        assertEquals(0.8, r.fieldConfidence().get("vendor"));
    }

    @Test
    void nothingToReadIsNothingFound() {
        ReceiptFields r = read("");
        assertNull(r.total());
        assertNull(r.date());
        assertNull(r.vendor());
        assertEquals(0.0, r.fieldConfidence().get("total"));
    }
}
