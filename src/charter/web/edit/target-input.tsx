import { Group, NumberInput, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { formatBusinessMinutes } from '../format-business-time';

// People promise "4 working hours" or "3 working days"; the clock counts business minutes. A
// working day is the calendar's usual day, the same rule the reading page uses to show it back.

type Unit = 'minutes' | 'hours' | 'days';

const units: { value: Unit; label: string }[] = [
  { value: 'minutes', label: 'working minutes' },
  { value: 'hours', label: 'working hours' },
  { value: 'days', label: 'working days' },
];

function factor(unit: Unit, workingDay: number): number {
  return unit === 'minutes' ? 1 : unit === 'hours' ? 60 : Math.max(1, workingDay);
}

function initialUnit(minutes: number, workingDay: number): Unit {
  if (workingDay > 0 && minutes >= workingDay && minutes % workingDay === 0) return 'days';
  if (minutes % 60 === 0) return 'hours';
  return 'minutes';
}

type Props = { minutes: number; workingDay: number; error?: string; onChange: (minutes: number) => void };

export function TargetInput({ minutes, workingDay, error, onChange }: Props) {
  const [unit, setUnit] = useState<Unit>(() => initialUnit(minutes, workingDay));
  const [amount, setAmount] = useState<number | string>(() => (Number.isFinite(minutes) ? minutes / factor(unit, workingDay) : ''));

  const emit = (value: number | string, inUnit: Unit) => {
    const n = typeof value === 'number' ? value : Number.parseFloat(value);
    onChange(value === '' || !Number.isFinite(n) ? Number.NaN : Math.round(n * factor(inUnit, workingDay)));
  };

  const valid = Number.isFinite(minutes) && minutes > 0;
  return (
    <div>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <NumberInput
          label="Target"
          value={amount}
          onChange={(value) => {
            setAmount(value);
            emit(value, unit);
          }}
          decimalScale={2}
          error={error}
          w={220}
        />
        <Select
          label="Unit"
          data={units}
          value={unit}
          allowDeselect={false}
          onChange={(value) => {
            if (!value) return;
            setUnit(value as Unit);
            emit(amount, value as Unit);
          }}
          w={190}
        />
      </Group>
      <Text size="xs" c="gray.7" mt={4} aria-live="polite">
        {valid ? `${formatBusinessMinutes(minutes, workingDay)} (${minutes} business minutes)` : error ? null : 'Enter a target of more than zero.'}
      </Text>
    </div>
  );
}
