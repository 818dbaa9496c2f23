package com.smbhub.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smbhub.workitem.WorkItemService;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WorkTypeTest {

    @Test
    void theExtractorsTypesAndPrioritiesAreTheWorkItems() {
        assertEquals(WorkItemService.TYPES, Arrays.stream(WorkType.values()).map(Enum::name).toList());
        assertEquals(WorkItemService.PRIORITIES, Arrays.stream(WorkType.Priority.values()).map(Enum::name).toList());
    }
}
