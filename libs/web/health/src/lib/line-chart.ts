import { Chart, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';

// Only what a line chart on linear axes needs: the rest of chart.js is left out of the bundle.
// Loaded with import() by LatencyChart, so chart.js is its own chunk, fetched when a chart is first shown.
Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

export { Chart };
