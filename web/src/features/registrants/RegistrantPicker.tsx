import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { RegistrantResponse } from '../../../../src/registrants/registrants.schemas.js';
import { api } from '../../lib/api-client';
import { registrantKeys, useRegistrantList } from './api';

interface RegistrantPickerProps {
  id?: string;
  value?: string | undefined;
  onChange?: (id: string | undefined) => void;
  placeholder: string;
  width?: number;
}

/**
 * Staff pick a registrant by name or code (searched on the server); the chosen one keeps its name
 * when the page is opened from a link that holds only its id. Works as an antd Form control.
 */
export function RegistrantPicker({ id, value, onChange, placeholder, width = 260 }: RegistrantPickerProps) {
  const [q, setQ] = useState('');
  const found = useRegistrantList({ page: 1, ...(q === '' ? {} : { q }) });
  const chosen = useQuery({
    queryKey: registrantKeys.detail(value ?? ''),
    queryFn: ({ signal }) => api.get<RegistrantResponse>(`/registrants/${encodeURIComponent(value ?? '')}`, undefined, signal),
    enabled: value !== undefined,
  });
  const options = (found.data?.items ?? []).map((r) => ({ value: r.id, label: r.codes.length > 0 ? `${r.name}（${r.codes.join('、')}）` : r.name }));
  if (value !== undefined && chosen.data !== undefined && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: chosen.data.name });
  }
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      onChange={(next: string | undefined) => onChange?.(next)}
      placeholder={placeholder}
      options={options}
      loading={found.isFetching}
      style={{ width }}
    />
  );
}
