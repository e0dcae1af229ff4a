import { Box } from '@mantine/core';
import { minutesOfDay, type WorkingPeriod } from '../../../service-levels/business-calendar-schema';

const DAY = 24 * 60;

/** A day from midnight to midnight with its working periods filled in; the text says the same. */
export function WeekHoursBar({ periods }: { periods: readonly WorkingPeriod[] }) {
  return (
    <Box aria-hidden pos="relative" h={10} bg="gray.1" style={{ borderRadius: 4, overflow: 'hidden' }}>
      {periods.map((period, i) => {
        const start = minutesOfDay(period.start);
        const end = minutesOfDay(period.end);
        if (start === undefined || end === undefined || end <= start) return null;
        return <Box key={i} pos="absolute" top={0} bottom={0} bg="teal.6" style={{ left: `${(start / DAY) * 100}%`, width: `${((end - start) / DAY) * 100}%` }} />;
      })}
    </Box>
  );
}
