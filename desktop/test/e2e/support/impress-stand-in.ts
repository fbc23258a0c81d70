/**
 * A stand-in for LibreOffice Impress's remote control on loopback, playing a running show of `count`
 * slides with pictures (a PNG of each slide's colour, as Impress sends 320×240) and notes, as LibreOffice
 * 7.4 sends them. For pages whose layout is measured with a show on; the real Impress has its own test.
 */

import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import sharp from 'sharp';

export interface ImpressStandIn {
  port: number;
  stop(): Promise<void>;
}

export async function startImpressStandIn(count: number, current = 1): Promise<ImpressStandIn> {
  const pictures = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      sharp({ create: { width: 320, height: 240, channels: 3, background: { r: (i * 70) % 256, g: 120, b: 200 } } })
        .png()
        .toBuffer(),
    ),
  );
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.once('data', () => {
      let text = `LO_SERVER_SERVER_PAIRED\n\nLO_SERVER_INFO\n7.4.7.2\n\nslideshow_started\n${count}\n${current - 1}\n\nslideshow_info\nQuarterly review.odp\n\n`;
      for (const [i, png] of pictures.entries()) {
        text += `slide_preview\n${i}\n${png.toString('base64')}\n\n`;
        text += `slide_notes\n${i}\n<html><body>Slide ${i + 1}: thank the team, then the numbers.<br/>第二行：中文备注。<br/></body></html>\n\n`;
      }
      socket.write(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
