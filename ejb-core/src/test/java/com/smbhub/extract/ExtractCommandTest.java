package com.smbhub.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's gold OCR boxes read back as the printed lines OCR's own text has. */
class ExtractCommandTest {

    @Test
    void boxesAtOneHeightAreOneLineReadLeftToRight() {
        List<String> boxes = List.of(
                "366,241,597,241,597,259,366,259,PERNIAGAAN ZHENG HUI",
                "420,500,470,500,470,518,420,518,112.45",
                "100,502,300,502,300,519,100,519,TOTAL (RM) :",
                "100,530,200,530,200,548,100,548,CASH, PAID",
                "not a box");
        assertEquals("PERNIAGAAN ZHENG HUI\nTOTAL (RM) : 112.45\nCASH, PAID\nnot a box", ExtractCommand.boxLines(boxes));
    }
}
