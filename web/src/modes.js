// Colours and labels of the transport modes, shared by the map and the leg table.
export const MODES = {
  rail_1520: { color: '#c0392b', label: 'rail 1520 mm' },
  rail_1435: { color: '#7d3c98', label: 'rail 1435 mm' },
  road: { color: '#d68910', label: 'road' },
  ferry: { color: '#2471a3', label: 'ferry' },
  sea: { color: '#138d75', label: 'sea' },
};

export function modeColor(mode) {
  return (MODES[mode] || { color: '#555' }).color;
}
